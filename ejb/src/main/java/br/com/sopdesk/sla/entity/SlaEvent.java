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
 * acknowledged): what an alert shows to explain itself. {@code detail} holds the line as a text
 * code ({@link SlaText}); lines written before that hold a pt-BR sentence, shown as written.
 */
@Entity
@Table(name = "sla_event")
@NamedQuery(name = SlaEvent.OF_CLOCK, query = "select e from SlaEvent e where e.clockId = :clock order by e.at, e.id")
public class SlaEvent {

    public static final String OF_CLOCK = "SlaEvent.ofClock";
    /** The detail column's size. */
    static final int MAX_DETAIL = 1000;

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
        this.detail = h.text().encoded(MAX_DETAIL);
    }

    /** The line as the clock wrote it. */
    public Happening happening() {
        return new Happening(getAt(), kind, getText());
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

    public SlaText getText() {
        return SlaText.decode(detail);
    }
}
