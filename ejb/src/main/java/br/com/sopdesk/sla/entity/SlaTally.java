package br.com.sopdesk.sla.entity;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** How many clocks count under one {@link TallyKey}, as of the last fold of {@link SlaTallyChange}s. */
@Entity
@Table(name = "sla_tally")
@NamedQuery(name = SlaTally.ADD, query = """
        update SlaTally t set t.clocks = t.clocks + :n where t.key.day = :day and t.key.kind = :kind and t.key.sopId = :sop
        and t.key.team = :team and t.key.agent = :agent""")
@NamedQuery(name = SlaTally.PRUNE, query = "delete from SlaTally t where t.key.day < :before")
public class SlaTally {

    public static final String ADD = "SlaTally.add";
    /** Drops the days the board no longer shows. */
    public static final String PRUNE = "SlaTally.prune";

    @EmbeddedId
    private TallyKey key;

    private long clocks;

    protected SlaTally() {
    }

    public SlaTally(TallyKey key, long clocks) {
        this.key = key;
        this.clocks = clocks;
    }

    public long getClocks() {
        return clocks;
    }
}
