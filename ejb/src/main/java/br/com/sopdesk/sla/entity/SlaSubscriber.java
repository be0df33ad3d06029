package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A supervisor who receives alerts by e-mail, with optional quiet hours (in {@code sopdesk.sla.zone}) during
 * which at-risk warnings and reminders wait; a breach is sent at once.
 */
@Entity
@Table(name = "sla_subscriber")
@NamedQuery(name = SlaSubscriber.ACTIVE, query = "select s from SlaSubscriber s where s.active = true order by s.username")
public class SlaSubscriber {

    public static final String ACTIVE = "SlaSubscriber.active";

    @Id
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(name = "quiet_from")
    private String quietFrom;

    @Column(name = "quiet_until")
    private String quietUntil;

    private boolean active;

    protected SlaSubscriber() {
    }

    public SlaSubscriber(String username) {
        this.username = username;
        this.active = true;
    }

    /** Changes the address and quiet hours (both or neither), refusing what cannot be right. */
    public void settings(String email, String quietFrom, String quietUntil, boolean active) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new SlaRefusal("sla.refusal.subscriber.email");
        }
        boolean noFrom = quietFrom == null || quietFrom.isBlank();
        boolean noUntil = quietUntil == null || quietUntil.isBlank();
        if (noFrom != noUntil) {
            throw new SlaRefusal("sla.refusal.subscriber.quietBoth");
        }
        try {
            this.quietFrom = noFrom ? null : LocalTime.parse(quietFrom.strip()).toString();
            this.quietUntil = noUntil ? null : LocalTime.parse(quietUntil.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new SlaRefusal("sla.refusal.subscriber.quietTime");
        }
        if (this.quietFrom != null && this.quietFrom.equals(this.quietUntil)) {
            throw new SlaRefusal("sla.refusal.subscriber.quietSame");
        }
        this.email = email.strip();
        this.active = active;
    }

    /**
     * When a non-breach alert raised at {@code now} may be sent: at once, or when the quiet hours
     * (which may span midnight) end.
     */
    public Instant sendableAt(Instant now, ZoneId zone) {
        if (quietFrom == null || quietUntil == null) {
            return now;
        }
        LocalTime from = LocalTime.parse(quietFrom);
        LocalTime until = LocalTime.parse(quietUntil);
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = until.isBefore(from);
        boolean quiet = spansMidnight ? (!t.isBefore(from) || t.isBefore(until)) : (!t.isBefore(from) && t.isBefore(until));
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getQuietFrom() {
        return quietFrom;
    }

    public String getQuietUntil() {
        return quietUntil;
    }

    public boolean isActive() {
        return active;
    }
}
