package br.com.sopdesk.audit.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One thing that happened, for the audit trail: who, when, what, on which subject. Append-only: no
 * setters, and the entity refuses to be updated or removed through JPA (see {@link #refuseChange()}).
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.LATEST, query = "select a from AuditEntry a order by a.at desc, a.id desc")
public class AuditEntry {

    public static final String LATEST = "AuditEntry.latest";

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(nullable = false)
    private LocalDateTime at;

    @Column(length = 80, nullable = false)
    private String actor;

    @Column(length = 60, nullable = false)
    private String action;

    @Column(length = 200, nullable = false)
    private String subject;

    @Column(length = 4000)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(String actor, String action, String subject, String detail, Instant at) {
        this.at = Utc.of(at);
        this.actor = actor == null ? "sistema" : actor;
        this.action = action;
        this.subject = subject;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }

    /** The audit trail is append-only: an update or delete of an entry fails its transaction. */
    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("the audit trail is append-only: entry " + id + " cannot be changed or removed");
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return Utc.instant(at);
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }
}
