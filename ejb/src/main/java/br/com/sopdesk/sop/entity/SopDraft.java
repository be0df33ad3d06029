package br.com.sopdesk.sop.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A SOP being edited on screen and not yet published: the bundle as the editor last saved it (it may
 * still have problems), the published version it starts from, and who saved it last and when. Its
 * {@code row_version} is JPA's optimistic lock: whoever saves a draft saved by someone else since
 * they opened it is refused, on any instance, and learns who and when.
 */
@Entity
@Table(name = "sop_draft")
@NamedQuery(name = SopDraft.ALL, query = "select d from SopDraft d order by d.updatedAt desc, d.id desc")
public class SopDraft {

    public static final String ALL = "SopDraft.all";

    @Id
    @SequenceGenerator(name = "sop_draft_seq", sequenceName = "sop_draft_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sop_draft_seq")
    private Long id;

    @Column(name = "sop_id", length = 80)
    private String sopId;

    @Column(name = "based_on")
    private Integer basedOn;

    @Column(nullable = false)
    private String content;

    @Column(name = "sla_policy", length = 40)
    private String slaPolicy;

    @Column(length = 80, nullable = false)
    private String author;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    protected SopDraft() {
    }

    /** A new draft of a new SOP ({@code basedOn} null) or of the version after {@code basedOn}. */
    public SopDraft(Integer basedOn) {
        this.basedOn = basedOn;
    }

    /** Keeps what the editor holds now, by whom and when. */
    public void save(String sopId, String content, String slaPolicy, String author, Instant at) {
        this.sopId = sopId == null || sopId.isBlank() ? null : sopId.strip();
        this.content = content;
        this.slaPolicy = slaPolicy == null || slaPolicy.isBlank() ? null : slaPolicy;
        this.author = author;
        this.updatedAt = Utc.of(at);
    }

    /** Whether someone saved it after the editor read it at {@code version}. */
    public boolean savedSince(int version) {
        return rowVersion != version;
    }

    public Long getId() {
        return id;
    }

    public String getSopId() {
        return sopId;
    }

    public Integer getBasedOn() {
        return basedOn;
    }

    public String getContent() {
        return content;
    }

    public String getSlaPolicy() {
        return slaPolicy;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getUpdatedAt() {
        return Utc.instant(updatedAt);
    }

    public int getRowVersion() {
        return rowVersion;
    }
}
