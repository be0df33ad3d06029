package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a clock counts on the dashboard's daily tallies: the day (in {@code sopdesk.sla.zone}), what
 * it counts as ({@link #ON_TIME} or {@link #BREACHED} on its deadline's day, {@link #MET} on the day
 * it was met), and the SOP, team and agent the board filters by.
 */
@Embeddable
public class TallyKey implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Met by its deadline, counted on the deadline's day. */
    public static final String ON_TIME = "ON_TIME";
    /** Met late, or breached and not met, counted on the deadline's day. */
    public static final String BREACHED = "BREACHED";
    /** Met, counted on the day it was met. */
    public static final String MET = "MET";

    @Column(name = "tally_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private String kind;

    @Column(name = "sop_id", nullable = false)
    private String sopId;

    @Column(nullable = false)
    private String team;

    @Column(nullable = false)
    private String agent;

    protected TallyKey() {
    }

    public TallyKey(LocalDate day, String kind, ClockSubject subject) {
        this.day = day;
        this.kind = kind;
        this.sopId = subject.getSopId();
        this.team = subject.getTeam() == null ? "" : subject.getTeam();
        this.agent = subject.getAgent();
    }

    /** A key as the tallies' columns hold it (the fold's sums). */
    public static TallyKey of(LocalDate day, String kind, String sopId, String team, String agent) {
        TallyKey k = new TallyKey();
        k.day = day;
        k.kind = kind;
        k.sopId = sopId;
        k.team = team;
        k.agent = agent;
        return k;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getKind() {
        return kind;
    }

    public String getSopId() {
        return sopId;
    }

    public String getTeam() {
        return team;
    }

    public String getAgent() {
        return agent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TallyKey k && day.equals(k.day) && kind.equals(k.kind) && sopId.equals(k.sopId) && team.equals(k.team)
                && agent.equals(k.agent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, kind, sopId, team, agent);
    }

    @Override
    public String toString() {
        return day + " " + kind + " " + sopId + "/" + team + "/" + agent;
    }
}
