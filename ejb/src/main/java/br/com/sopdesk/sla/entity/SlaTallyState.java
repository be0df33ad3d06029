package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;

/** The one row that says which zone the tallies' days are in; a fold holds it locked, so folds never overlap. */
@Entity
@Table(name = "sla_tally_state")
public class SlaTallyState {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "zone_id", nullable = false)
    private String zone;

    protected SlaTallyState() {
    }

    /** Whether the tallies count days in {@code z}, so the board may read them. */
    public boolean countsDaysIn(ZoneId z) {
        return zone.equals(z.getId());
    }
}
