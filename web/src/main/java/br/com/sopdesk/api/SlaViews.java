package br.com.sopdesk.api;

import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaDelivery;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.SlaText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The SLA monitor's JSON shapes, shared by the supervisors', agents' and administrators' endpoints. */
public final class SlaViews {

    private SlaViews() {
    }

    /** Who reads: texts stored as codes are rendered in their language, times in the desk's zone. */
    record Reader(Locale locale, ZoneId zone) {
    }

    /** A clock as the API shows it; times are ISO-8601 UTC. */
    public record ClockView(long id, long ticketId, String demand, String title, String customer, String agent, String team,
                     String sopId, String policy, String state, String standing, String startedAt, String deadline,
                     int deadlineVersion, long remainingMinutes, String metAt, String qualitorSituation,
                     String qualitorExpectedAnswer, String lastSyncedAt, String nextSyncAt) {

        static ClockView of(SlaClock c, Instant now) {
            ClockSubject s = c.getSubject();
            return new ClockView(c.getId(), s.getTicketId(), s.getDemandNumber(), s.getTitle(), s.getCustomerName(), s.getAgent(),
                    s.getTeam(), s.getSopId(), c.getPolicy().getCode(), c.getState().name(), c.standing(now).name(),
                    str(c.getStartedAt()), str(c.getDeadlineAt()), c.getDeadlineVersion(), c.remaining(now).toMinutes(),
                    str(c.getCountdown().getMetAt()), c.getSync().getQualitorSituation(), str(c.getSync().getQualitorExpectedAt()),
                    str(c.getSync().getLastSyncedAt()), str(c.getSync().getNextSyncAt()));
        }
    }

    /** One line of a clock's timeline. */
    public record EventView(String at, String kind, String detail) {
        static EventView of(SlaEvent e, Reader r) {
            return new EventView(str(e.getAt()), e.getKind(), e.getText().render(r.locale(), r.zone()));
        }
    }

    /** An alert from the ledger, with its deliveries when asked. */
    public record AlertView(long id, long clockId, String demand, String policy, String level, int deadlineVersion, String deadline,
                     String raisedAt, String explanation, String acknowledgedAt, String acknowledgedBy, String comment,
                     List<DeliveryView> deliveries) {
        static AlertView of(SlaAlert a, List<DeliveryView> deliveries, Reader r) {
            return new AlertView(a.getId(), a.getClockId(), a.getDemandNumber(), a.getPolicyCode(), a.getLevel(), a.getDeadlineVersion(),
                    str(a.getDeadlineAt()), str(a.getRaisedAt()), a.explanation(r.locale(), r.zone()), str(a.getAcknowledgedAt()),
                    a.getAcknowledgedBy(), a.getAckComment(), deliveries);
        }
    }

    /**
     * One delivery of an alert: {@code state} {@code PENDING}, {@code SENDING}, {@code SENT},
     * {@code FAILED}, {@code UNCERTAIN} or {@code WITHDRAWN}; {@code lastError} is the channel's
     * last refusal, or for a withdrawn delivery why it was not sent.
     */
    public record DeliveryView(String channel, String recipient, String state, int attempts, String notBefore, String sentAt,
                               String lastError) {
        static DeliveryView of(SlaDelivery d, Reader r) {
            return new DeliveryView(d.getChannel(), d.getRecipient(), d.getState(), d.getAttempts(), str(d.getNotBefore()),
                    str(d.getSentAt()), d.getLastError() == null ? null : SlaText.decode(d.getLastError()).render(r.locale(), r.zone()));
        }

        /** For callers who are not supervisors: that it went and how, not to whom (e-mails, the webhook's URL) nor the error. */
        static DeliveryView withoutRecipient(SlaDelivery d) {
            return new DeliveryView(d.getChannel(), null, d.getState(), d.getAttempts(), str(d.getNotBefore()), str(d.getSentAt()), null);
        }
    }

    /** A clock with its timeline and alerts. */
    public record ClockDetail(ClockView clock, List<EventView> timeline, List<AlertView> alerts) {
    }

    static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
