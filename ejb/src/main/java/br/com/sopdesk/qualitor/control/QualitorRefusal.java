package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.qualitor.QualitorException;

/**
 * Qualitor answered and refused the request: sending it again changes nothing until a person acts.
 * Carries why in SOP Desk's terms ({@link Kind}, one to one with the connector's refusal kinds),
 * Qualitor's own code and words, and the plain sentence saying what to do.
 */
public final class QualitorRefusal extends QualitorFailure {

    private static final long serialVersionUID = 1L;

    /** Why Qualitor refused, as far as its answer tells. */
    public enum Kind {
        /** SOP Desk's integration login was refused by the login itself. */
        CREDENTIALS,
        /** The CNPJ/CPF is not one of Qualitor's customers. */
        CUSTOMER_NOT_FOUND,
        /** The e-mail is not a contact of the customer. */
        CONTACT_NOT_FOUND,
        /** A field is missing or not accepted. */
        INVALID_DATA,
        /** A refusal Qualitor does not explain in words SOP Desk can read. */
        OTHER
    }

    private final Kind kind;
    private final String errorCode;
    private final String qualitorMessage;
    private final String advice;

    QualitorRefusal(QualitorException.Refused refused) {
        super(Type.REFUSED, refused);
        this.kind = switch (refused.kind()) {
            case CREDENTIALS -> Kind.CREDENTIALS;
            case CUSTOMER_NOT_FOUND -> Kind.CUSTOMER_NOT_FOUND;
            case CONTACT_NOT_FOUND -> Kind.CONTACT_NOT_FOUND;
            case INVALID_DATA -> Kind.INVALID_DATA;
            case OTHER -> Kind.OTHER;
        };
        this.errorCode = refused.errorCode();
        this.qualitorMessage = refused.qualitorMessage();
        this.advice = refused.advice();
    }

    public Kind kind() {
        return kind;
    }

    /** Qualitor's {@code error_code}. */
    public String errorCode() {
        return errorCode;
    }

    /** Qualitor's own words. */
    public String qualitorMessage() {
        return qualitorMessage;
    }

    /** The plain sentence alone: what happened and what to do (without Qualitor's detail). */
    public String advice() {
        return advice;
    }
}
