package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The team an agent works in, copied onto the clocks of the demands the agent opens. */
@Entity
@Table(name = "agent_team")
public class AgentTeam {

    @Id
    private String username;

    @Column(nullable = false)
    private String team;

    protected AgentTeam() {
    }

    public AgentTeam(String username, String team) {
        this.username = username;
        this.team = team;
    }

    public void moveTo(String team) {
        this.team = team;
    }

    public String getUsername() {
        return username;
    }

    public String getTeam() {
        return team;
    }
}
