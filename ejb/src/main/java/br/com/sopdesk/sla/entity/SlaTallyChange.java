package br.com.sopdesk.sla.entity;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One clock's change to a tally (+1 or −1), inserted in the transaction that changed the clock:
 * inserts never wait on each other, where updating a shared count would. The periodic scan folds
 * them into {@link SlaTally}.
 */
@Entity
@Table(name = "sla_tally_change")
@NamedQuery(name = SlaTallyChange.OLDEST, query = "select c from SlaTallyChange c order by c.id")
@NamedQuery(name = SlaTallyChange.FOLDED, query = "delete from SlaTallyChange c where c.id in :ids")
public class SlaTallyChange {

    public static final String OLDEST = "SlaTallyChange.oldest";
    public static final String FOLDED = "SlaTallyChange.folded";

    @Id
    @SequenceGenerator(name = "sla_tally_change_seq", sequenceName = "sla_tally_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_tally_change_seq")
    private Long id;

    @Embedded
    private TallyKey key;

    private int clocks;

    protected SlaTallyChange() {
    }

    public SlaTallyChange(TallyKey key, int clocks) {
        this.key = key;
        this.clocks = clocks;
    }

    public Long getId() {
        return id;
    }

    public TallyKey getKey() {
        return key;
    }

    public int getClocks() {
        return clocks;
    }
}
