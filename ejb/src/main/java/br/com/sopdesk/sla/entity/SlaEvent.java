package br.com.sopdesk.sla.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One line of a clock's timeline (created, synced, paused, resumed, due, met, alerted,
 * acknowledged): what an alert shows to explain itself.
 */
@Entity
@Table(name = "sla_event")
@NamedQuery(name = SlaEvent.OF_CLOCK, query = "select e from SlaEvent e where e.clockId = :clock order by e.at, e.id")
public class SlaEvent {

    public static final String OF_CLOCK = "SlaEvent.ofClock";

    @Id
    @SequenceGenerator(name = "sla_event_seq", sequenceName = "sla_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_event_seq")
    private Long id;

    @Column(name = "clock_id", nullable = false)
    private long clockId;

    @Column(nullable = false)
    private LocalDateTime at;

    @Column(nullable = false)
    private String kind;

    private String detail;

    protected SlaEvent() {
    }

    public SlaEvent(long clockId, Happening h) {
        this.clockId = clockId;
        this.at = Utc.of(h.at());
        this.kind = h.kind();
        this.detail = h.detail() == null || h.detail().length() <= 1000 ? h.detail() : h.detail().substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public long getClockId() {
        return clockId;
    }

    public Instant getAt() {
        return Utc.instant(at);
    }

    public String getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }
}
