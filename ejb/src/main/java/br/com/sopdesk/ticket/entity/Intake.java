package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.validation.BrazilianDocuments;
import br.com.sopdesk.validation.CpfOrCnpj;
import br.com.sopdesk.validation.DistinctPhones;
import br.com.sopdesk.validation.Phone;
import br.com.sopdesk.validation.PlainText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * What every SOP's "Chamado para o Relacionamento" step asks the agent to collect: the customer's
 * CNPJ (or CPF) and name, a clear description of the problem, two distinct contact phones and an
 * up-to-date e-mail, and what was tried with the customer before escalating (the seeds' "solução").
 * The constraints are the single source of the field rules: the page, the REST API and the entity
 * all validate against them, so they give the same messages. What was tried is required only when
 * a ticket is submitted ({@link AtSubmission}): tickets stored before it was asked have none.
 */
@Embeddable
@DistinctPhones
public class Intake implements Serializable, DistinctPhones.TwoPhones {

    private static final long serialVersionUID = 1L;

    /** The rules checked when a ticket is submitted, beyond those every stored ticket keeps. */
    public interface AtSubmission {
    }

    @NotBlank(message = "{sopdesk.document.required}")
    @CpfOrCnpj
    @PlainText
    @Column(name = "customer_document", length = 14, nullable = false)
    private String document;

    @NotBlank(message = "{sopdesk.name.required}")
    @Size(max = 200, message = "{sopdesk.name.size}")
    @PlainText(visible = true)
    @Column(name = "customer_name", length = 200, nullable = false)
    private String customerName;

    @NotBlank(message = "{sopdesk.description.required}")
    @Size(min = 15, max = 4000, message = "{sopdesk.description.size}")
    @PlainText(visible = true)
    @Column(name = "description", length = 4000, nullable = false)
    private String description;

    @NotBlank(groups = AtSubmission.class, message = "{sopdesk.triedSolution.required}")
    @Size(min = 10, max = 2000, message = "{sopdesk.triedSolution.size}")
    @PlainText(visible = true)
    @Column(name = "tried_solution", length = 2000)
    private String triedSolution;

    @NotBlank(message = "{sopdesk.phone1.required}")
    @Phone
    @PlainText
    @Column(name = "phone1", length = 20, nullable = false)
    private String phone1;

    @NotBlank(message = "{sopdesk.phone2.required}")
    @Phone
    @PlainText
    @Column(name = "phone2", length = 20, nullable = false)
    private String phone2;

    @NotBlank(message = "{sopdesk.email.required}")
    @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{sopdesk.email.invalid}")
    @Size(max = 200, message = "{sopdesk.email.invalid}")
    @PlainText(noBidi = true)
    @Column(name = "email", length = 200, nullable = false)
    private String email;

    public Intake() {
    }

    public Intake(String document, String customerName, String description, String phone1, String phone2, String email) {
        setDocument(document);
        setCustomerName(customerName);
        setDescription(description);
        setPhone1(phone1);
        setPhone2(phone2);
        setEmail(email);
    }

    /** Normalized document (digits and capital letters), as stored and sent to Qualitor. */
    public String getDocument() {
        return document;
    }

    public void setDocument(String document) {
        this.document = document == null ? null : BrazilianDocuments.normalize(document);
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = trim(customerName);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = trim(description);
    }

    /** What the agent tried with the customer before escalating. */
    public String getTriedSolution() {
        return triedSolution;
    }

    public void setTriedSolution(String triedSolution) {
        this.triedSolution = trim(triedSolution);
    }

    @Override
    public String getPhone1() {
        return phone1;
    }

    public void setPhone1(String phone1) {
        this.phone1 = trim(phone1);
    }

    @Override
    public String getPhone2() {
        return phone2;
    }

    public void setPhone2(String phone2) {
        this.phone2 = trim(phone2);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = trim(email);
    }

    /** Both phones on one line, the way the Relacionamento team reads them. */
    public String phonesLine() {
        return phone1 + " / " + phone2;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
