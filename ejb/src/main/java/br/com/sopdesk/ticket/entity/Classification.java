package br.com.sopdesk.ticket.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/**
 * How a ticket is classified in Qualitor (ticket type, category, location, severity), copied from
 * the SOP version it was made with, so a later SOP change never re-classifies an old ticket.
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

    protected Classification() {
    }

    public Classification(String ticketType, String category, String location, String severity) {
        this.ticketType = ticketType;
        this.category = category;
        this.location = location;
        this.severity = severity;
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
