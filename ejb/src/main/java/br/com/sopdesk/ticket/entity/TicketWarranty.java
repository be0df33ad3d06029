package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.certificate.entity.WarrantyDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The warranty decision of seed 003 a ticket was filed with (the case, its days, the issuance date
 * and where it came from, whether it was within) and, when the agent filed it against the dates, the
 * warranty exception and its reason, for the supervisor's review. Only tickets of SOPs that meet the
 * warranty have one.
 */
@Entity
@Table(name = "ticket_warranty")
@NamedQuery(name = TicketWarranty.EXCEPTIONS, query = """
        select w from TicketWarranty w join fetch w.ticket t where w.exception = true order by t.createdAt desc, t.id desc""")
public class TicketWarranty {

    /** The warranty exceptions, newest first. */
    public static final String EXCEPTIONS = "TicketWarranty.exceptions";

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Column(name = "warranty_case", length = 24, nullable = false)
    private String warrantyCase;

    @Column(name = "warranty_days", nullable = false)
    private int days;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "issued_from", length = 24)
    private String issuedFrom;

    @Column(name = "days_since")
    private Integer daysSinceIssue;

    /** Null when no issuance date was known to decide. */
    @Column(name = "within_warranty")
    private Boolean within;

    @Column(name = "exception_filed", nullable = false)
    private boolean exception;

    @Column(name = "exception_reason", length = 1000)
    private String exceptionReason;

    protected TicketWarranty() {
    }

    /** The decision the ticket is filed with, and the exception's reason when the agent filed one (null otherwise). */
    public TicketWarranty(Ticket ticket, WarrantyDecision d, String exceptionReason) {
        this.ticket = Objects.requireNonNull(ticket);
        this.ticketId = ticket.getId();
        this.warrantyCase = d.warrantyCase().name();
        this.days = d.warrantyDays();
        this.issuedOn = d.issuedOn();
        this.issuedFrom = d.issuedFrom() == null ? null : d.issuedFrom().name();
        this.daysSinceIssue = d.issuedOn() == null ? null : (int) d.daysSinceIssue();
        this.within = d.route() == WarrantyDecision.Route.NEEDS_ISSUANCE_DATE ? null : d.withinWarranty();
        this.exception = exceptionReason != null;
        this.exceptionReason = exceptionReason;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public String getWarrantyCase() {
        return warrantyCase;
    }

    public int getDays() {
        return days;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getIssuedFrom() {
        return issuedFrom;
    }

    public Integer getDaysSinceIssue() {
        return daysSinceIssue;
    }

    public Boolean getWithin() {
        return within;
    }

    public boolean isException() {
        return exception;
    }

    public String getExceptionReason() {
        return exceptionReason;
    }
}
