package br.com.sopdesk.ticket.entity;

import br.com.sopdesk.certificate.entity.WarrantyDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The warranty decision of seed 003 a ticket was filed with (the case, its days, the issuance date
 * and where it came from, whether it was within), and, when the agent filed it against the dates,
 * the warranty exception and its reason, for the supervisor's review. Empty for SOPs without warranty.
 */
@Embeddable
public class TicketWarranty implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "warranty_case", length = 24)
    private String warrantyCase;

    @Column(name = "warranty_days")
    private Integer days;

    @Column(name = "warranty_issued_on")
    private LocalDate issuedOn;

    @Column(name = "warranty_issued_from", length = 24)
    private String issuedFrom;

    @Column(name = "warranty_days_since")
    private Integer daysSinceIssue;

    /** Null when no issuance date was known to decide. */
    @Column(name = "warranty_within")
    private Boolean within;

    @Column(name = "warranty_exception", nullable = false)
    private boolean exception;

    @Column(name = "warranty_exception_reason", length = 1000)
    private String exceptionReason;

    protected TicketWarranty() {
    }

    /** No warranty: the SOP has none. */
    public static TicketWarranty none() {
        return new TicketWarranty();
    }

    /** The decision filed, and the exception's reason when the agent filed one (null otherwise). */
    public static TicketWarranty of(WarrantyDecision d, String exceptionReason) {
        TicketWarranty w = new TicketWarranty();
        if (d != null) {
            w.warrantyCase = d.warrantyCase().name();
            w.days = d.warrantyDays();
            w.issuedOn = d.issuedOn();
            w.issuedFrom = d.issuedFrom() == null ? null : d.issuedFrom().name();
            w.daysSinceIssue = d.issuedOn() == null ? null : (int) d.daysSinceIssue();
            w.within = d.route() == WarrantyDecision.Route.NEEDS_ISSUANCE_DATE ? null : d.withinWarranty();
        }
        w.exception = exceptionReason != null;
        w.exceptionReason = exceptionReason;
        return w;
    }

    /** Whether the ticket carries a warranty decision. */
    public boolean isDecided() {
        return warrantyCase != null;
    }

    public String getWarrantyCase() {
        return warrantyCase;
    }

    public Integer getDays() {
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
