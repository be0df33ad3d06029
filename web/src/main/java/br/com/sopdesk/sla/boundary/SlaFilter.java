package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.sla.control.SlaBoard;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The supervisor's choice on the SLA dashboard: the standing of the clocks listed, and the team, SOP
 * and agent every part of the dashboard is narrowed to. The teams, SOPs and agents offered are read
 * once, when the page opens.
 */
@Named
@ViewScoped
public class SlaFilter implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SlaBoard board;

    private String standing = "AT_RISK";
    private String team;
    private String sop;
    private String agent;
    private List<String> teams = List.of();
    private List<String> sops = List.of();
    private List<String> agents = List.of();

    @PostConstruct
    void load() {
        teams = board.teams();
        sops = board.sops();
        agents = board.agents();
    }

    /** The clocks in the chosen standing, for the chosen team, SOP and agent. */
    SlaBoard.Filter clocks() {
        return standing(standing);
    }

    /** Any standing, for the chosen team, SOP and agent (alerts, deliveries, the chart). */
    SlaBoard.Filter anyStanding() {
        return standing(null);
    }

    /** The clocks in {@code s}, for the chosen team, SOP and agent (the counts). */
    SlaBoard.Filter standing(String s) {
        return new SlaBoard.Filter(s, team, sop, agent);
    }

    public List<String> getTeams() {
        return teams;
    }

    public List<String> getSops() {
        return sops;
    }

    public List<String> getAgents() {
        return agents;
    }

    public String getStanding() {
        return standing;
    }

    public void setStanding(String standing) {
        this.standing = standing;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getSop() {
        return sop;
    }

    public void setSop(String sop) {
        this.sop = sop;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }
}
