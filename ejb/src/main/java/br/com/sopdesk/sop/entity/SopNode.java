package br.com.sopdesk.sop.entity;

import java.util.List;

/**
 * A node of a SOP's walk: a {@link Kind#STEP} the agent reads or does with the customer (with the
 * checks the seed asks for), a {@link Kind#QUESTION} whose answer picks the next node, or an
 * {@link Kind#OUTCOME} that ends the walk.
 *
 * @param id      id, unique in its bundle; a question's id is the key of its answer
 * @param kind    step, question or outcome
 * @param title   short pt-BR title
 * @param text    pt-BR guidance
 * @param checks  things to confirm with the customer (steps and outcomes)
 * @param next    the following node (steps)
 * @param options the possible answers (questions)
 * @param outcome how the walk ends (outcomes)
 * @param sop     the SOP the agent continues in ({@link Outcome#FOLLOW} outcomes), by id
 */
public record SopNode(String id, Kind kind, String title, String text, List<String> checks, String next,
                      List<SopOption> options, Outcome outcome, String sop) implements java.io.Serializable {

    public SopNode {
        checks = checks == null ? List.of() : List.copyOf(checks);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public enum Kind { STEP, QUESTION, OUTCOME }

    /**
     * How a path ends: solved with the customer on the call, escalated to Relacionamento (a new
     * Qualitor ticket), an existing demand reiterated or restarted (a history entry on it, with
     * the customer's reason), or handed to the SOP that owns the case ({@link #sop()}), so one case
     * is handled, and classified, in one SOP.
     */
    public enum Outcome { SOLVED, ESCALATE, REITERATE, RESTART, FOLLOW }

    public SopOption option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst().orElse(null);
    }

    public boolean escalates() {
        return kind == Kind.OUTCOME && outcome == Outcome.ESCALATE;
    }

    /** Whether this outcome sends the agent on to another SOP ({@link #sop()}). */
    public boolean follows() {
        return kind == Kind.OUTCOME && outcome == Outcome.FOLLOW;
    }

    /** Whether this outcome acts on an existing demand (reiterate or restart). */
    public boolean actsOnDemand() {
        return kind == Kind.OUTCOME && (outcome == Outcome.REITERATE || outcome == Outcome.RESTART);
    }
}
