package br.com.sopdesk.ticket.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/**
 * How a ticket is classified in Qualitor (ticket type, category, location, severity), copied from
 * the SOP version it was made with, and the Qualitor team its category named then, so a later
 * change never re-classifies an old ticket.
 */
@Embeddable
public class Classification implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "class_ticket_type", length = 20)
    private String ticketType;
    @Column(name = "class_category", length = 20)
    private String category;
    @Column(name = "class_location", length = 20)
    private String location;
    @Column(name = "class_severity", length = 20)
    private String severity;
    /** The Qualitor team ({@code cdequipe}) the category moves its demands to, when it names one. */
    @Column(name = "class_qualitor_team", length = 20)
    private String qualitorTeam;

    protected Classification() {
    }

    public Classification(String ticketType, String category, String location, String severity) {
        this(ticketType, category, location, severity, null);
    }

    public Classification(String ticketType, String category, String location, String severity, String qualitorTeam) {
        this.ticketType = ticketType;
        this.category = category;
        this.location = location;
        this.severity = severity;
        this.qualitorTeam = qualitorTeam == null || qualitorTeam.isBlank() ? null : qualitorTeam.strip();
    }

    public String getQualitorTeam() {
        return qualitorTeam;
    }

    public String getTicketType() {
        return ticketType;
    }

    public String getCategory() {
        return category;
    }

    public String getLocation() {
        return location;
    }

    public String getSeverity() {
        return severity;
    }
}
