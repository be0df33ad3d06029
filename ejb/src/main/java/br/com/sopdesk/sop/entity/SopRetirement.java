package br.com.sopdesk.sop.entity;

import br.com.sopdesk.platform.InvalidInput;
import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.validation.PlainText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A SOP an administrator retired, with why, by whom and when: while the row exists the SOP is out of
 * the agents' search and takes no new walk or ticket; its versions stay for the tickets made with
 * them. Restoring deletes the row (the audit trail keeps both). Deliberately not cached: every
 * instance reads the database, so a retirement is in force everywhere at once.
 */
@Entity
@Table(name = "sop_retirement")
@NamedQuery(name = SopRetirement.IDS, query = "select r.sopId from SopRetirement r")
public class SopRetirement {

    public static final String IDS = "SopRetirement.ids";

    /** The longest reason (the column's length). */
    public static final int MAX_REASON = 1000;

    @Id
    @Column(name = "sop_id", length = 80)
    private String sopId;

    @Column(length = MAX_REASON, nullable = false)
    private String reason;

    @Column(name = "retired_by", length = 80, nullable = false)
    private String retiredBy;

    @Column(name = "retired_at", nullable = false)
    private LocalDateTime retiredAt;

    protected SopRetirement() {
    }

    public SopRetirement(String sopId, String reason, String retiredBy, Instant at) {
        this.sopId = sopId;
        this.reason = checkedReason(reason);
        this.retiredBy = retiredBy;
        this.retiredAt = Utc.of(at);
    }

    /** The reason an administrator gives to retire or restore a SOP, stripped; refused when empty, over-long or not plain text. */
    public static String checkedReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        PlainText.Fault fault = PlainText.Validator.fault(r, MAX_REASON);
        if (fault != null) {
            throw switch (fault) {
                case EMPTY -> new InvalidInput("sop.retire.reason-required");
                case TOO_LONG -> new InvalidInput("sop.retire.reason-too-long", r.length(), MAX_REASON);
                case CHARACTER -> new InvalidInput("sop.retire.reason-invalid");
            };
        }
        return r;
    }

    public String getSopId() {
        return sopId;
    }

    public String getReason() {
        return reason;
    }

    public String getRetiredBy() {
        return retiredBy;
    }

    public Instant getRetiredAt() {
        return Utc.instant(retiredAt);
    }
}
