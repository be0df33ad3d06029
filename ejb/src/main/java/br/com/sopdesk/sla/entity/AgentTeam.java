package br.com.sopdesk.sla.entity;

import br.com.sopdesk.validation.PlainText;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.annotations.CacheCoordinationType;

/**
 * The team an agent works in, copied onto the clocks of the demands the agent opens. Read by its id
 * on every new clock and cached per instance; a change made on another instance invalidates the copy
 * here through the data grid (cache coordination), and the copy expires after 30 s should a message
 * be lost. "No team" is not cached, so a team given on another instance counts at once.
 */
@Entity
@Cacheable
@Cache(expiry = 30_000, coordinationType = CacheCoordinationType.INVALIDATE_CHANGED_OBJECTS)
@Table(name = "agent_team")
public class AgentTeam {

    @Id
    private String username;

    /** The longest team name (the column, and the clocks' copy of it, hold 80 characters). */
    public static final int MAX_TEAM = 80;

    @Column(nullable = false, length = MAX_TEAM)
    private String team;

    protected AgentTeam() {
    }

    public AgentTeam(String username, String team) {
        this.username = username;
        this.team = checked(team);
    }

    public void moveTo(String team) {
        this.team = checked(team);
    }

    /** The team name stripped, or refused: blank, longer than {@value #MAX_TEAM} characters, or with characters that are not plain text. */
    public static String checked(String team) {
        String t = team == null ? "" : team.strip();
        PlainText.Fault fault = PlainText.Validator.fault(t, MAX_TEAM);
        if (fault != null) {
            throw switch (fault) {
                case EMPTY -> new SlaRefusal("sla.refusal.team.empty");
                case TOO_LONG -> new SlaRefusal("sla.refusal.team.long", SlaText.text(String.valueOf(t.length())),
                        SlaText.text(String.valueOf(MAX_TEAM)));
                case CHARACTER -> new SlaRefusal("sla.refusal.team.character");
            };
        }
        return t;
    }

    public String getUsername() {
        return username;
    }

    public String getTeam() {
        return team;
    }
}
