package br.com.sopdesk.sop.entity;

import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;

/** When an agent last opened a SOP, so each agent sees their recent SOPs first. */
@Entity
@Table(name = "sop_usage")
@IdClass(SopUsage.Key.class)
@NamedQuery(name = SopUsage.OF_USER, query = "select u from SopUsage u where u.username = :username order by u.lastUsedAt desc")
public class SopUsage {

    public static final String OF_USER = "SopUsage.ofUser";

    @Id
    @Column(length = 80)
    private String username;

    @Id
    @Column(name = "sop_id", length = 80)
    private String sopId;

    @Column(name = "last_used_at", nullable = false)
    private LocalDateTime lastUsedAt;

    protected SopUsage() {
    }

    public SopUsage(String username, String sopId, Instant at) {
        this.username = username;
        this.sopId = sopId;
        this.lastUsedAt = Utc.of(at);
    }

    public void usedAt(Instant at) {
        this.lastUsedAt = Utc.of(at);
    }

    public String getSopId() {
        return sopId;
    }

    /** Composite key: user and SOP. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String username;
        public String sopId;

        public Key() {
        }

        public Key(String username, String sopId) {
            this.username = username;
            this.sopId = sopId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && username.equals(k.username) && sopId.equals(k.sopId);
        }

        @Override
        public int hashCode() {
            return username.hashCode() * 31 + sopId.hashCode();
        }
    }
}
