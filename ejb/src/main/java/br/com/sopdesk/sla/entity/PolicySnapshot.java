package br.com.sopdesk.sla.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * The copy of a {@link ClockPolicy} a clock starts with, so editing the policy never moves a running
 * deadline: the policy's code and its rules as they were.
 */
@Embeddable
public class PolicySnapshot {

    @Column(name = "policy_code", nullable = false)
    private String code;

    @Embedded
    private PolicyRules rules;

    protected PolicySnapshot() {
    }

    public static PolicySnapshot of(ClockPolicy p) {
        PolicySnapshot s = new PolicySnapshot();
        s.code = p.getCode();
        s.rules = p.getRules().copy();
        return s;
    }

    public String getCode() {
        return code;
    }

    public PolicyRules getRules() {
        return rules;
    }
}
