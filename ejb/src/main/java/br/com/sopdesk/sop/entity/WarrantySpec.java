package br.com.sopdesk.sop.entity;

import java.io.Serializable;
import java.util.Map;

/**
 * Where a SOP meets the warranty of seed 003 ("Garantias e Revogações"): which case its escalation
 * is, the field with the issuance date, the answers that claim the case is within its warranty (the
 * dates must confirm them), and the outcome where the customer revokes by notarized letter. The
 * case names are seed 003's ({@code senha}, {@code cei-pis}, {@code outra-filial}...).
 *
 * @param fixedCase     the case every escalation of this SOP is (000: {@code senha}; 002: {@code cei-pis}), or null
 * @param caseQuestion  the question whose answer names the case (003: {@code caso}), or null
 * @param dateField     the SOP field holding the issuance date the agent types, or null
 * @param withinAnswers answers (question id → value) that claim the case is within its warranty
 * @param letterNode    the outcome showing the revocation letter and where to send it, or null
 */
public record WarrantySpec(String fixedCase, String caseQuestion, String dateField, Map<String, String> withinAnswers,
                           String letterNode) implements Serializable {

    public WarrantySpec {
        withinAnswers = withinAnswers == null ? Map.of() : Map.copyOf(withinAnswers);
    }

    /** The case named so far: the fixed one, or the answer to the case question (null while unanswered). */
    public String caseOf(Map<String, String> answers) {
        return fixedCase != null ? fixedCase : caseQuestion == null || answers == null ? null : answers.get(caseQuestion);
    }

    /** Whether the path walked says "within the warranty", which the dates must then confirm. */
    public boolean claimsWithin(SopWalk walk) {
        return withinAnswers.entrySet().stream().anyMatch(e -> e.getValue().equals(walk.usedAnswers().get(e.getKey())));
    }

    /** Whether the walk stands at the outcome where the customer revokes by letter. */
    public boolean atLetter(SopWalk walk) {
        return letterNode != null && walk != null && walk.finished() && letterNode.equals(walk.current().id());
    }
}
