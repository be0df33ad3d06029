package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a clock is about, copied when it starts: the ticket and its Qualitor demand, the SOP, the
 * title and customer shown on the board, and the agent and team the board filters by.
 */
@Embeddable
public class ClockSubject {

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "demand_number", nullable = false)
    private String demandNumber;

    @Column(name = "sop_id", nullable = false)
    private String sopId;

    @Column(nullable = false)
    private String title;

    @Column(name = "customer_name", nullable = false)
    private String customerName;

    @Column(nullable = false)
    private String agent;

    private String team;

    protected ClockSubject() {
    }

    /** Title and customer's name are cut to their columns' 200 characters. */
    public ClockSubject(long ticketId, String demandNumber, String sopId, String title, String customerName, String agent, String team) {
        this.ticketId = ticketId;
        this.demandNumber = demandNumber;
        this.sopId = sopId;
        this.title = cut(title);
        this.customerName = cut(customerName);
        this.agent = agent;
        this.team = team;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getDemandNumber() {
        return demandNumber;
    }

    public String getSopId() {
        return sopId;
    }

    public String getTitle() {
        return title;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getAgent() {
        return agent;
    }

    public String getTeam() {
        return team;
    }
}
