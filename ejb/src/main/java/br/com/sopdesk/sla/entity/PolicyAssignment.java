package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** Which SLA policy a SOP's escalations follow; SOPs without one follow the default policy. */
@Entity
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
