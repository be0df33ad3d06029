package br.com.sopdesk.sla.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Cache;
import org.eclipse.persistence.annotations.CacheCoordinationType;

/**
 * Which SLA policy a SOP's escalations follow; SOPs without one follow the default policy. Read by
 * its id on every new clock and cached per instance; a change made on another instance invalidates
 * the copy here through the data grid (cache coordination), and the copy expires after 30 s should a
 * message be lost. "None" is not cached: a query's cached empty answer would hide, for its 30 s, an
 * assignment made on another instance (the data grid invalidates objects, not query results).
 */
@Entity
@Cacheable
@Cache(expiry = 30_000, coordinationType = CacheCoordinationType.INVALIDATE_CHANGED_OBJECTS)
@Table(name = "sla_policy_sop")
@NamedQuery(name = PolicyAssignment.ALL, query = "select a from PolicyAssignment a order by a.sopId")
public class PolicyAssignment {

    public static final String ALL = "PolicyAssignment.all";

    @Id
    @Column(name = "sop_id")
    private String sopId;

    @Column(name = "policy_code", nullable = false)
    private String policyCode;

    protected PolicyAssignment() {
    }

    public PolicyAssignment(String sopId, String policyCode) {
        this.sopId = sopId;
        this.policyCode = policyCode;
    }

    public void assign(String policyCode) {
        this.policyCode = policyCode;
    }

    public String getSopId() {
        return sopId;
    }

    public String getPolicyCode() {
        return policyCode;
    }
}
