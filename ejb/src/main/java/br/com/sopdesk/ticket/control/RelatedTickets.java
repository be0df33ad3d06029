package br.com.sopdesk.ticket.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.control.ListedDemand;
import br.com.sopdesk.qualitor.control.QualitorFailure;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.QualitorRefusal;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The customer's existing demands in Qualitor ("Chamados Relacionados"), shown while the form is
 * open so a duplicate demand is not opened, and again after saving. Each one with the time left on
 * its return clock and whether it came from the same SOP.
 *
 * <p>Which SOP a demand came from is known by its number for the demands SOP Desk opened (and by the
 * submission key when Qualitor lists it: {@code getTicket} does not promise it). The time left is
 * SOP Desk's own SLA clock when the demand has one (business hours, pauses), otherwise Qualitor's
 * expected answer date, otherwise the opening plus 24 hours. Both come from one indexed query each
 * for all the listed numbers.
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

    @EJB
    DemandClocks slaClocks;

    @Inject
    Clock clock;

    /** Where a demand's time left comes from. */
    public enum Deadline { SOPDESK, QUALITOR, OPENING_PLUS_24H }

    /**
     * One related demand as the agent sees it.
     *
     * @param hoursLeft   whole hours left, rounded down (negative once overdue: -1 in the first overdue hour)
     * @param minutesLeft minutes left (negative once overdue)
     * @param timeLeft    the same in words: "5 h", "40 min", "prazo vencido há 2 h", "prazo vencido há 15 min" (or in English)
     * @param paused      SOP Desk's clock is paused (Qualitor waits for the customer): the time left is frozen
     * @param deadline    where the time left comes from
     */
    public record Related(String number, String title, String situation, String openedAt, String expectedAnswer,
                          Long hoursLeft, Long minutesLeft, Text timeLeft, boolean paused, Deadline deadline,
                          boolean sameSop, boolean open) implements Serializable {
    }

    /**
     * The answer: the demands, or why they could not be read (Qualitor down does not block the
     * agent); {@code notRegistered} when Qualitor does not know the CNPJ/CPF as a customer at all.
     */
    public record Lookup(List<Related> tickets, Text error, boolean notRegistered) implements Serializable {
        public Lookup(List<Related> tickets, Text error) {
            this(tickets, error, false);
        }

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
        List<ListedDemand> found;
        try {
            found = qualitor.demandsOfCustomer(doc);
        } catch (QualitorRefusal e) {
            if (e.kind() == QualitorRefusal.Kind.CUSTOMER_NOT_FOUND) {
                return new Lookup(List.of(), Text.of("ticket.customer.not-registered", doc.length() == 14 ? "CNPJ" : "CPF",
                        BrazilianDocuments.format(doc)), true);
            }
            return new Lookup(List.of(), Text.verbatim(e.getMessage()));
        } catch (QualitorFailure e) {
            return new Lookup(List.of(), Text.verbatim(e.getMessage()));
        } catch (FaultToleranceException e) {
            return new Lookup(List.of(), Text.of("ticket.qualitor.suspended"));
        }
        List<String> numbers = found.stream().map(ListedDemand::number).filter(Objects::nonNull).toList();
        Map<String, String> sopByNumber = pairs(Ticket.SOP_BY_NUMBERS, "numbers", numbers);
        Map<String, String> sopByKey = pairs(Ticket.SOP_BY_KEYS, "keys",
                found.stream().map(ListedDemand::submissionKey).filter(Objects::nonNull).toList());
        Instant now = clock.instant();
        Map<String, DemandClocks.Reading> clocks = numbers.isEmpty() ? Map.of() : slaClocks.of(numbers, now);
        return new Lookup(found.stream().map(t -> related(t, sopByNumber, sopByKey, clocks.get(t.number()), sopId, now)).toList(), null);
    }

    private static Related related(ListedDemand t, Map<String, String> sopByNumber, Map<String, String> sopByKey,
                                   DemandClocks.Reading slaClock, String sopId, Instant now) {
        boolean open = !closed(t.situation()) && (slaClock == null || !slaClock.met());
        Duration left = null;
        Deadline deadline = null;
        boolean paused = false;
        if (slaClock != null) {
            left = slaClock.remaining();
            paused = slaClock.paused();
            deadline = Deadline.SOPDESK;
        } else {
            LocalDateTime due = parse(t.expectedAnswer());
            deadline = Deadline.QUALITOR;
            if (due == null) {
                LocalDateTime opened = parse(t.openedAt());
                due = opened == null ? null : opened.plusHours(24);
                deadline = Deadline.OPENING_PLUS_24H;
            }
            left = due == null ? null : Duration.between(now, due.atZone(BRASILIA).toInstant());
        }
        if (!open) {
            left = null;
        }
        String sop = t.number() == null ? null : sopByNumber.get(t.number());
        if (sop == null && t.submissionKey() != null) {
            sop = sopByKey.get(t.submissionKey());
        }
        boolean sameSop = sopId != null && sopId.equals(sop);
        Long minutes = left == null ? null : minutesOf(left);
        return new Related(t.number(), t.title(), t.situation(), t.openedAt(), t.expectedAnswer(),
                minutes == null ? null : Math.floorDiv(minutes, 60L), minutes, left == null ? null : timeLeft(left, paused),
                paused && left != null, left == null ? null : deadline, sameSop, open);
    }

    /** Whole minutes, rounded towards the past: one second overdue is already overdue. */
    static long minutesOf(Duration left) {
        return Math.floorDiv(left.getSeconds(), 60L);
    }

    /**
     * The time left in words: "5 h", "40 min" while there is time; "prazo vencido há 2 h" or, in the
     * first overdue hour, "prazo vencido há 15 min"; "pausado, faltam 5 h" while the clock is paused.
     */
    static Text timeLeft(Duration left, boolean paused) {
        long minutes = minutesOf(left);
        if (minutes < 0) {
            long over = -minutes;
            return over >= 60 ? Text.of("ticket.overdue.hours", over / 60) : Text.of("ticket.overdue.minutes", over);
        }
        Text text = minutes >= 60 ? Text.of("ticket.left.hours", minutes / 60) : Text.of("ticket.left.minutes", minutes);
        return paused ? Text.of("ticket.left.paused", text) : text;
    }

    private Map<String, String> pairs(String query, String parameter, List<String> values) {
        Map<String, String> out = new HashMap<>();
        if (!values.isEmpty()) {
            em.createNamedQuery(query, Object[].class).setParameter(parameter, values).getResultList()
                    .forEach(row -> out.put((String) row[0], (String) row[1]));
        }
        return out;
    }

    /** Whether Qualitor's situation name means the demand is over. */
    public static boolean closed(String situation) {
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
