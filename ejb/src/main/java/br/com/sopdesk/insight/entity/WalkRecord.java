package br.com.sopdesk.insight.entity;

import br.com.sopdesk.platform.Utc;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopWalk;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One walk of a SOP by an agent, kept so administrators and supervisors see what the SOPs achieve:
 * the version walked, the path (node ids) and the node reached last, and how it ended, with the
 * ticket or demand request that came of it. Written by id at every answer, since the next request of
 * the same page may reach another instance. No customer data: the ticket keeps that.
 *
 * <p>A walk that ended at a solved or follow outcome goes back to open if the agent changes an
 * earlier answer; once a ticket or demand request is saved it no longer changes. An abandoned walk
 * (the agent started another first) still counts by its outcome if the agent comes back to end it.
 */
@Entity
@Table(name = "sop_walk_record")
@NamedQuery(name = WalkRecord.ABANDON_OPEN, query = """
        update WalkRecord w set w.state = br.com.sopdesk.insight.entity.WalkState.ABANDONED, w.endedAt = :now
        where w.agent = :agent and w.state = br.com.sopdesk.insight.entity.WalkState.OPEN""")
public class WalkRecord {

    /** The agent's open walks become abandoned: the agent is starting another. */
    public static final String ABANDON_OPEN = "WalkRecord.abandonOpen";
    /** Room for the path (the column's length). */
    static final int PATH_MAX = 4000;

    @Id
    @SequenceGenerator(name = "sop_walk_record_seq", sequenceName = "sop_walk_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sop_walk_record_seq")
    private Long id;

    @Column(name = "sop_id", length = 80, nullable = false, updatable = false)
    private String sopId;

    @Column(name = "sop_version", nullable = false, updatable = false)
    private int sopVersion;

    @Column(name = "agent", length = 80, nullable = false, updatable = false)
    private String agent;

    @Column(name = "started_at", nullable = false, updatable = false)
    private LocalDateTime startedAt;

    @Column(name = "last_at", nullable = false)
    private LocalDateTime lastAt;

    @Column(name = "last_node", length = 80, nullable = false)
    private String lastNode;

    @Column(name = "path", length = PATH_MAX, nullable = false)
    private String path;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 12, nullable = false)
    private WalkState state;

    @Column(name = "ended_at")
    private LocalDateTime endedAt;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "demand_action_id")
    private Long demandActionId;

    /** The Qualitor category of the ticket that came of the walk. */
    @Column(name = "category", length = 20)
    private String category;

    protected WalkRecord() {
    }

    public WalkRecord(String sopId, int sopVersion, String agent, SopWalk walk, Instant now) {
        this.sopId = sopId;
        this.sopVersion = sopVersion;
        this.agent = agent;
        this.startedAt = Utc.of(now);
        this.state = WalkState.OPEN;
        walked(walk, now);
    }

    /** The agent answered (or confirmed a reading): the path as it is now, and its outcome when it reached one that needs nothing saved. */
    public void walked(SopWalk walk, Instant now) {
        if (state.saved() || ticketId != null) {
            return;
        }
        path = path(walk);
        lastNode = walk.current().id();
        lastAt = Utc.of(now);
        SopNode.Outcome outcome = walk.finished() ? walk.current().outcome() : null;
        if (outcome == SopNode.Outcome.SOLVED || outcome == SopNode.Outcome.FOLLOW) {
            end(outcome == SopNode.Outcome.SOLVED ? WalkState.SOLVED : WalkState.FOLLOWED, now);
        } else if (state == WalkState.SOLVED || state == WalkState.FOLLOWED) {
            state = WalkState.OPEN;
            endedAt = null;
        }
    }

    /**
     * The walk's ticket was saved: an escalation, or a call solved at first contact and recorded in
     * Qualitor ({@code recordedCall}), which stays solved (deflected) and keeps its ticket.
     */
    public void ticketed(long ticketId, String category, boolean recordedCall, Instant now) {
        this.ticketId = ticketId;
        this.category = category;
        end(recordedCall ? WalkState.SOLVED : WalkState.ESCALATED, now);
    }

    /** The demand request of the walk's reiterate or restart outcome was saved. */
    public void demanded(long demandActionId, boolean reiteration, Instant now) {
        this.demandActionId = demandActionId;
        end(reiteration ? WalkState.REITERATED : WalkState.RESTARTED, now);
    }

    private void end(WalkState ended, Instant now) {
        state = ended;
        endedAt = Utc.of(now);
        lastAt = endedAt;
    }

    /** The node ids from the start, comma-separated; a path longer than the column keeps its start. */
    static String path(SopWalk walk) {
        StringBuilder out = new StringBuilder();
        for (SopNode node : walk.path()) {
            if (out.length() + node.id().length() + 1 > PATH_MAX) {
                break;
            }
            out.append(out.isEmpty() ? "" : ",").append(node.id());
        }
        return out.toString();
    }

    public Long getId() {
        return id;
    }

    public String getSopId() {
        return sopId;
    }

    public int getSopVersion() {
        return sopVersion;
    }

    public String getAgent() {
        return agent;
    }

    public Instant getStartedAt() {
        return Utc.instant(startedAt);
    }

    public Instant getLastAt() {
        return Utc.instant(lastAt);
    }

    public String getLastNode() {
        return lastNode;
    }

    public String getPath() {
        return path;
    }

    public WalkState getState() {
        return state;
    }

    public Instant getEndedAt() {
        return Utc.instant(endedAt);
    }

    public Long getTicketId() {
        return ticketId;
    }

    public Long getDemandActionId() {
        return demandActionId;
    }

    public String getCategory() {
        return category;
    }
}
