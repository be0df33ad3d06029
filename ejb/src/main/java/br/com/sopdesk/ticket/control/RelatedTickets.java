package br.com.sopdesk.ticket.control;

import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.QualitorGateway;
import br.com.sopdesk.qualitor.TicketSummary;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The customer's existing demands in Qualitor ("Chamados Relacionados"), shown while the form is
 * open so a duplicate demand is not opened, and again after saving. Each one with the time left on
 * its return clock and whether it came from the same SOP (known by the submission key it carries).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RelatedTickets {

    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter QUALITOR_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    QualitorGateway qualitor;

    Clock clock = Clock.system(BRASILIA);

    /** One related demand as the agent sees it. */
    public record Related(String number, String title, String situation, String openedAt, String expectedAnswer,
                          Long hoursLeft, boolean sameSop, boolean open) implements Serializable {
    }

    /** The answer: the demands, or why they could not be read (Qualitor down does not block the agent). */
    public record Lookup(List<Related> tickets, String error) implements Serializable {
        public boolean hasDuplicate() {
            return tickets.stream().anyMatch(r -> r.sameSop() && r.open());
        }

        public List<Related> duplicates() {
            return tickets.stream().filter(r -> r.sameSop() && r.open()).toList();
        }
    }

    public Lookup forCustomer(String document, String sopId) {
        String doc = BrazilianDocuments.normalize(document);
        if (!BrazilianDocuments.isCpfOrCnpj(doc)) {
            return new Lookup(List.of(), null);
        }
        List<TicketSummary> found;
        try {
            found = qualitor.ticketsOfCustomer(doc);
        } catch (QualitorException e) {
            return new Lookup(List.of(), e.getMessage());
        } catch (FaultToleranceException e) {
            return new Lookup(List.of(), "Qualitor indisponível: consultas suspensas por alguns segundos após falhas seguidas");
        }
        Map<String, String> sopByKey = sopsOf(found.stream().map(TicketSummary::submissionKey).filter(k -> k != null).toList());
        LocalDateTime now = LocalDateTime.now(clock);
        return new Lookup(found.stream().map(t -> related(t, sopByKey, sopId, now)).toList(), null);
    }

    private static Related related(TicketSummary t, Map<String, String> sopByKey, String sopId, LocalDateTime now) {
        boolean open = !closed(t.situation());
        Long hoursLeft = null;
        LocalDateTime due = parse(t.expectedAnswer());
        if (due == null) {
            LocalDateTime opened = parse(t.openedAt());
            due = opened == null ? null : opened.plusHours(24);
        }
        if (due != null && open) {
            hoursLeft = Duration.between(now, due).toHours();
        }
        boolean sameSop = sopId != null && t.submissionKey() != null && sopId.equals(sopByKey.get(t.submissionKey()));
        return new Related(t.number(), t.title(), t.situation(), t.openedAt(), t.expectedAnswer(), hoursLeft, sameSop, open);
    }

    private Map<String, String> sopsOf(List<String> keys) {
        Map<String, String> sops = new HashMap<>();
        if (!keys.isEmpty()) {
            em.createNamedQuery(Ticket.SOP_BY_KEYS, Object[].class).setParameter("keys", keys).getResultList()
                    .forEach(row -> sops.put((String) row[0], (String) row[1]));
        }
        return sops;
    }

    static boolean closed(String situation) {
        String s = situation == null ? "" : situation.toLowerCase();
        return s.contains("encerrad") || s.contains("finalizad") || s.contains("fechad") || s.contains("cancelad") || s.contains("conclu");
    }

    private static LocalDateTime parse(String stamp) {
        if (stamp == null || stamp.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(stamp.strip().length() > 16 ? stamp.strip().substring(0, 16) : stamp.strip(), QUALITOR_STAMP);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
