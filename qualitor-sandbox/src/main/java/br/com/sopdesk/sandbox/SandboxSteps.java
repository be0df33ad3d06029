package br.com.sopdesk.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow steps of the sandbox's tickets ({@code setTicketNextStep}, {@code getTicketStep}),
 * with every move kept so tests can count them (steps move on restarts only: few, so none is forgotten). Public clients send {@code cdchamado} and
 * {@code cdetapa}; nothing public says which steps follow which nor what a step does to the
 * situation, so any step is accepted and the situation stays (a refusal is a fault away).
 *
 * <p>Not thread-safe: {@link SandboxQualitor} calls it under its monitor.
 */
final class SandboxSteps {

    private final Map<String, List<String>> moves = new HashMap<>();

    void clear() {
        moves.clear();
    }

    /** A found ticket moves to {@code step}. */
    void move(Map<String, String> ticket, String step) {
        ticket.put("cdetapa", step);
        moves.computeIfAbsent(ticket.get("cdchamado"), n -> new ArrayList<>()).add(step);
    }

    /** {@code getTicketStep}'s item, from a ticket as {@code getTicketData} reads it: the ticket and its step (empty when never moved). */
    static Map<String, String> of(Map<String, String> ticket) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cdchamado", ticket.get("cdchamado"));
        out.put("cdetapa", ticket.getOrDefault("cdetapa", ""));
        return out;
    }

    /** The ticket's step and every move, oldest first, comma-separated: {cdetapa, moves}. */
    Map<String, String> history(Map<String, String> ticket) {
        return Map.of("cdetapa", ticket.getOrDefault("cdetapa", ""), "moves",
                String.join(",", moves.getOrDefault(ticket.get("cdchamado"), List.of())));
    }
}
