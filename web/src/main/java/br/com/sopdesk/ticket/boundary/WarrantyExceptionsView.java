package br.com.sopdesk.ticket.boundary;

import br.com.sopdesk.certificate.entity.WarrantyCase;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketWarranty;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The supervisor's list of tickets filed as warranty exceptions (a path the dates denied), newest first, read when the page opens. */
@Named
@ViewScoped
public class WarrantyExceptionsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    @EJB
    TicketService tickets;

    private List<Row> rows = List.of();

    /** One exception as the supervisor reviews it. */
    public record Row(long ticketId, String demandNumber, String sop, String customer, String agent, Instant createdAt, String decision,
                      String reason) implements Serializable {
    }

    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString("warranty.exceptions.decision");
        rows = tickets.warrantyExceptions(SHOWN).stream().map(w -> row(w, pattern, locale)).toList();
    }

    public List<Row> getRows() {
        return rows;
    }

    /** The decision the agent went against: the case, the issuance date and its source, the days since, the warranty's days. */
    private static Row row(TicketWarranty w, String pattern, Locale locale) {
        Ticket t = w.getTicket();
        String label = WarrantyCase.of(w.getWarrantyCase()).map(c -> c.label(locale)).orElse(w.getWarrantyCase());
        String source = w.getIssuedFrom() == null ? "" : Text.of("warranty.source." + w.getIssuedFrom()).in(locale);
        String decision = MessageFormat.format(pattern, label, w.getIssuedOn() == null ? "" : DAY.format(w.getIssuedOn()), source,
                String.valueOf(w.getDaysSinceIssue()), String.valueOf(w.getDays()));
        return new Row(t.getId(), t.getQualitorNumber(), t.getSopId() + " v" + t.getSopVersion(), t.getIntake().getCustomerName(),
                t.getCreatedBy(), t.getCreatedAt(), decision, w.getExceptionReason());
    }
}
