package br.com.sopdesk.sop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import br.com.sopdesk.platform.Utc;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A published SOP bundle version as stored: its JSON text, never changed once written. The unique
 * (sop_id, version) pair lets several application instances load the seeds at the same time without
 * storing one twice.
 */
@Entity
@Table(name = "sop_bundle", uniqueConstraints = @UniqueConstraint(name = "uk_sop_bundle_version", columnNames = {"sop_id", "version"}))
@NamedQuery(name = SopBundleRecord.LATEST, query = """
        select b from SopBundleRecord b where b.version =
          (select max(o.version) from SopBundleRecord o where o.sopId = b.sopId) order by b.seed, b.sopId""")
@NamedQuery(name = SopBundleRecord.LATEST_IN_SERVICE, query = """
        select b from SopBundleRecord b where b.version =
          (select max(o.version) from SopBundleRecord o where o.sopId = b.sopId)
          and not exists (select r from SopRetirement r where r.sopId = b.sopId) order by b.seed, b.sopId""")
@NamedQuery(name = SopBundleRecord.BY_VERSION, query = "select b from SopBundleRecord b where b.sopId = :sopId and b.version = :version")
@NamedQuery(name = SopBundleRecord.LATEST_OF, query = "select b from SopBundleRecord b where b.sopId = :sopId order by b.version desc")
@NamedQuery(name = SopBundleRecord.LATEST_VERSION, query = "select max(b.version) from SopBundleRecord b where b.sopId = :sopId")
public class SopBundleRecord {

    public static final String LATEST = "SopBundleRecord.latest";
    /** The latest versions of the SOPs not retired ({@link SopRetirement}), as agents see the catalog. */
    public static final String LATEST_IN_SERVICE = "SopBundleRecord.latestInService";
    public static final String BY_VERSION = "SopBundleRecord.byVersion";
    public static final String LATEST_OF = "SopBundleRecord.latestOf";
    /** The number of a SOP's latest version (null when it has none), without reading any bundle text. */
    public static final String LATEST_VERSION = "SopBundleRecord.latestVersion";

    @Id
    @SequenceGenerator(name = "sop_bundle_seq", sequenceName = "sop_bundle_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sop_bundle_seq")
    private Long id;

    @Column(name = "sop_id", length = 80, nullable = false)
    private String sopId;

    @Column(nullable = false)
    private int version;

    @Column(length = 10)
    private String seed;

    @Column(nullable = false)
    private String content;

    @Column(name = "published_at", nullable = false)
    private LocalDateTime publishedAt;

    @Column(name = "published_by", length = 80, nullable = false)
    private String publishedBy;

    protected SopBundleRecord() {
    }

    public SopBundleRecord(SopBundle bundle, String content, String publishedBy) {
        this.sopId = bundle.id();
        this.version = bundle.version();
        this.seed = bundle.seed();
        this.content = content;
        this.publishedAt = Utc.of(Instant.now());
        this.publishedBy = publishedBy;
    }

    public String getSopId() {
        return sopId;
    }

    public int getVersion() {
        return version;
    }

    public String getContent() {
        return content;
    }

    public Instant getPublishedAt() {
        return Utc.instant(publishedAt);
    }
}
