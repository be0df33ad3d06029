package br.com.sopdesk.qualitor;

/**
 * Why a Qualitor call did not succeed, in kinds the caller treats differently: Qualitor answered
 * and refused the request ({@link Refused}, classified by {@link RefusalKind}: a person acts, then
 * it is sent again), Qualitor refused SOP Desk's own login ({@link Unauthorized}: an outage, retry
 * later), Qualitor could not be reached or failed ({@link Unavailable}: retry later), it answered
 * something that is not a Qualitor message ({@link Malformed}: retry later, the request may or may
 * not have been applied), or a lost answer cannot be checked ({@link Unverifiable}: a person looks
 * in Qualitor before anything is sent again).
 */
public abstract sealed class QualitorException extends RuntimeException
        permits QualitorException.Refused, QualitorException.Unauthorized, QualitorException.Unverifiable,
        QualitorException.Unavailable, QualitorException.Malformed {

    private boolean writeMayHaveApplied;

    QualitorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same request may succeed when sent again later. */
    public abstract boolean retryable();

    /**
     * Whether Qualitor may have carried out the write that failed (the ticket may exist although
     * no answer arrived): a retry must look for it before writing again.
     */
    public boolean writeMayHaveApplied() {
        return writeMayHaveApplied;
    }

    /** Marks the failure as one of a write whose outcome is unknown (unless it surely did nothing). */
    QualitorException duringWrite() {
        this.writeMayHaveApplied = retryable() && !surelyNotApplied();
        return this;
    }

    /** Failures that certainly happened before Qualitor did anything (refused connection, HTTP 503). */
    boolean surelyNotApplied() {
        return false;
    }

    /**
     * The refusal of one {@code status 0} answer (or SOAP {@code Client} fault) of {@code operation}:
     * {@link Unauthorized} when it is about SOP Desk's own login, otherwise {@link Refused}, both
     * classified by {@link RefusalKind}.
     */
    static QualitorException refusal(String operation, String errorCode, String qualitorMessage) {
        RefusalKind kind = RefusalKind.classify(operation, errorCode, qualitorMessage);
        return kind == RefusalKind.CREDENTIALS ? new Unauthorized(errorCode, qualitorMessage)
                : new Refused(kind, errorCode, qualitorMessage, null);
    }

    /** "Detalhe do Qualitor (código 12): Ws - ...": Qualitor's own words, kept beside our sentence. */
    static String detail(String errorCode, String qualitorMessage) {
        String code = errorCode == null || errorCode.isBlank() ? "" : " (código " + errorCode.strip() + ")";
        return "Detalhe do Qualitor" + code + ": " + (qualitorMessage == null || qualitorMessage.isBlank() ? "sem mensagem" : qualitorMessage.strip());
    }

    /**
     * Qualitor answered {@code status 0} about the request itself; carries its {@code error_code} and
     * {@code msg}, what kind of refusal it is, and a plain pt-BR sentence saying what to do. Sending
     * the same request again changes nothing until a person acts. A refusal did nothing in Qualitor.
     */
    public static final class Refused extends QualitorException {
        private final RefusalKind kind;
        private final String errorCode;
        private final String qualitorMessage;
        private final String advice;

        public Refused(String errorCode, String qualitorMessage) {
            this(RefusalKind.OTHER, errorCode, qualitorMessage, null);
        }

        Refused(RefusalKind kind, String errorCode, String qualitorMessage, String advice) {
            super((advice == null ? defaultAdvice(kind, qualitorMessage) : advice) + " " + detail(errorCode, qualitorMessage), null);
            this.kind = kind;
            this.errorCode = errorCode;
            this.qualitorMessage = qualitorMessage;
            this.advice = advice == null ? defaultAdvice(kind, qualitorMessage) : advice;
        }

        /** The same refusal with a sentence that names what was refused (the document, the e-mail). */
        Refused advising(String sentence) {
            return new Refused(kind, errorCode, qualitorMessage, sentence);
        }

        public RefusalKind kind() {
            return kind;
        }

        public String errorCode() {
            return errorCode;
        }

        public String qualitorMessage() {
            return qualitorMessage;
        }

        /** The plain pt-BR sentence alone: what happened and what to do (without Qualitor's detail). */
        public String advice() {
            return advice;
        }

        @Override
        boolean surelyNotApplied() {
            return true;
        }

        @Override
        public boolean retryable() {
            return false;
        }

        private static String defaultAdvice(RefusalKind kind, String qualitorMessage) {
            return switch (kind) {
                case CUSTOMER_NOT_FOUND -> "O cliente não está cadastrado no Qualitor: cadastre-o (ou confira o CNPJ/CPF) e use Reenviar.";
                case CONTACT_NOT_FOUND -> "O e-mail informado não é um contato do cliente no Qualitor: cadastre o contato (ou confira o e-mail) e use Reenviar.";
                case INVALID_DATA -> invalidData(qualitorMessage);
                default -> "O Qualitor recusou a operação: veja o detalhe abaixo, corrija o que ele indica e use Reenviar; "
                        + "se não ficar claro, fale com o administrador do Qualitor.";
            };
        }

        /** Names the field in words when Qualitor says which one it wanted. */
        private static String invalidData(String qualitorMessage) {
            String m = RefusalKind.plain(qualitorMessage);
            String[][] fields = {
                    {"cdcategoria", "a categoria"}, {"cdtipochamado", "o tipo de chamado"}, {"cdlocalidade", "a localidade"},
                    {"cdseveridade", "a severidade"}, {"cdcontato", "o contato"}, {"cdcliente", "o cliente"},
                    {"nmtitulochamado", "o título"}, {"dschamado", "a descrição"}, {"dsacompanhamento", "o texto do acompanhamento"},
                    {"dsemail", "o e-mail do contato"}, {"nrcpfcnpj", "o CNPJ/CPF"}};
            for (String[] f : fields) {
                if (m.contains(f[0])) {
                    boolean classification = f[0].equals("cdcategoria") || f[0].equals("cdtipochamado") || f[0].equals("cdlocalidade")
                            || f[0].equals("cdseveridade");
                    return "O Qualitor não aceitou " + f[1] + " do chamado" + (classification
                            ? ": a classificação vem do SOP; peça a um administrador para conferir o mapeamento do SOP no Qualitor e depois use Reenviar."
                            : ": confira esse dado e use Reenviar.");
                }
            }
            return "O Qualitor não aceitou os dados do chamado: confira os campos e a classificação do SOP com um administrador e use Reenviar.";
        }
    }

    /**
     * Qualitor refused SOP Desk's own integration login, password or permission. Nothing was done,
     * and nothing about the ticket is wrong: it is an outage on our side, retried later (once an
     * administrator fixes {@code qualitor.user} / {@code qualitor.password}), and counted by the
     * circuit breaker like Qualitor being down.
     */
    public static final class Unauthorized extends QualitorException {
        private final String errorCode;
        private final String qualitorMessage;

        public Unauthorized(String errorCode, String qualitorMessage) {
            super("O Qualitor recusou o usuário de integração do SOP Desk (usuário, senha ou permissão): nada foi criado; "
                    + "o envio fica na fila e segue sozinho quando um administrador corrigir a configuração "
                    + "(qualitor.user, qualitor.password). " + detail(errorCode, qualitorMessage), null);
            this.errorCode = errorCode;
            this.qualitorMessage = qualitorMessage;
        }

        public RefusalKind kind() {
            return RefusalKind.CREDENTIALS;
        }

        public String errorCode() {
            return errorCode;
        }

        public String qualitorMessage() {
            return qualitorMessage;
        }

        @Override
        boolean surelyNotApplied() {
            return true;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /**
     * An earlier attempt may have created the ticket (or written the history entry), and Qualitor's
     * answers do not let SOP Desk check it: neither the key field nor the text come back. Sending
     * again could duplicate it, so a person must look in Qualitor first.
     */
    public static final class Unverifiable extends QualitorException {
        public Unverifiable(String message) {
            super(message, null);
        }

        @Override
        public boolean writeMayHaveApplied() {
            return true;
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** Qualitor was down, slow past the timeout, or answered an HTTP error. */
    public static final class Unavailable extends QualitorException {
        private final int httpStatus;

        public Unavailable(String message, Throwable cause) {
            this(message, cause, 0);
        }

        public Unavailable(String message, Throwable cause, int httpStatus) {
            super("Qualitor indisponível: " + message, cause);
            this.httpStatus = httpStatus;
        }

        @Override
        boolean surelyNotApplied() {
            if (httpStatus == 503) {
                return true;
            }
            for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof java.net.ConnectException) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** The answer was not a readable {@code <wsqualitor>} document. */
    public static final class Malformed extends QualitorException {
        public Malformed(String message) {
            super("Resposta do Qualitor ilegível: " + message, null);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
