package br.com.sopdesk.desk.boundary;

import br.com.sopdesk.ticket.control.RelatedTickets;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The customer's demands in Qualitor ("Chamados Relacionados") on the guided SOP page, read when the
 * document is typed, pre-filled or read from a certificate, and again once the ticket reached
 * Qualitor; the page shows what was read last.
 */
@Named
@ViewScoped
public class RelatedPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RelatedTickets relatedTickets;

    private String document;
    private String sopId;
    private RelatedTickets.Lookup lookup;

    /** Reads the demands of the customer with this CPF or CNPJ; none to show without a document. */
    void lookUp(String document, String sopId) {
        this.document = document;
        this.sopId = sopId;
        again();
    }

    /** Reads the same customer's demands again (a ticket of theirs just reached an outcome). */
    void again() {
        lookup = document == null || document.isBlank() ? null : relatedTickets.forCustomer(document, sopId);
    }

    public RelatedTickets.Lookup getLookup() {
        return lookup;
    }
}
