package br.com.sopdesk.sop.entity;

import br.com.sopdesk.platform.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Where an agent stands in a SOP given the answers so far: the nodes walked from the start, the
 * node waiting for an answer (or the outcome reached), and the answers that lie on that path.
 * Answers to questions off the path (an earlier answer was changed) are kept by the caller but do
 * not count here.
 *
 * <p>A step with a required reading ({@link SopNode#reading()}) holds the walk like an unanswered
 * question until its answer is {@link SopReading#READ}.
 *
 * @param path        nodes from the start up to and including the current one
 * @param current     the unanswered question, the step whose reading is not confirmed yet, or the outcome reached
 * @param usedAnswers answers of the questions (and confirmed readings) on the path, in path order
 */
public record SopWalk(List<SopNode> path, SopNode current, Map<String, String> usedAnswers) {

    public static SopWalk of(SopBundle bundle, Map<String, String> answers) {
        Map<String, SopNode> nodes = bundle.nodesById();
        List<SopNode> path = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        SopNode node = nodes.get(bundle.start());
        while (node != null) {
            if (!seen.add(node.id())) {
                throw new IllegalStateException("cycle in SOP " + bundle.id() + " at " + node.id());
            }
            path.add(node);
            switch (node.kind()) {
                case OUTCOME -> {
                    return new SopWalk(List.copyOf(path), node, used);
                }
                case STEP -> {
                    if (node.asksReading()) {
                        if (!SopReading.READ.equals(answers.get(node.id()))) {
                            return new SopWalk(List.copyOf(path), node, used);
                        }
                        used.put(node.id(), SopReading.READ);
                    }
                    node = nodes.get(node.next());
                }
                case QUESTION -> {
                    SopOption chosen = node.option(answers.get(node.id()));
                    if (chosen == null) {
                        return new SopWalk(List.copyOf(path), node, used);
                    }
                    used.put(node.id(), chosen.value());
                    node = nodes.get(chosen.next());
                }
            }
        }
        throw new IllegalStateException("path without an outcome in SOP " + bundle.id());
    }

    public boolean finished() {
        return current.kind() == SopNode.Kind.OUTCOME;
    }

    public boolean escalates() {
        return current.escalates();
    }

    /** Whether the walk ends in a solved call that is recorded in Qualitor, opened and closed at once. */
    public boolean recordsCall() {
        return current.recordsCall();
    }

    /** Whether the walk ends where a Qualitor ticket is opened (escalated, or a solved call recorded). */
    public boolean opensTicket() {
        return current.opensTicket();
    }

    /** The reading the agent must confirm before the walk goes on, or null when the walk does not wait for one. */
    public SopReading pendingReading() {
        return current.asksReading() ? current.reading() : null;
    }

    /**
     * The path as the Relacionamento team reads it: "question title: answer label" per decision, and
     * each required reading confirmed (pt-BR, like the rest of the ticket's text).
     */
    public String describeDecisions() {
        StringBuilder out = new StringBuilder();
        for (SopNode node : path) {
            if (node.kind() == SopNode.Kind.QUESTION && usedAnswers.containsKey(node.id())) {
                SopOption o = node.option(usedAnswers.get(node.id()));
                out.append("- ").append(node.title()).append(": ").append(o.label()).append('\n');
            } else if (node.asksReading() && usedAnswers.containsKey(node.id())) {
                out.append("- ").append(Text.of("sop.walk.reading-done", node.reading().title())).append('\n');
            }
        }
        return out.toString();
    }
}
