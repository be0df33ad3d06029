package br.com.sopdesk.qualitor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an earlier attempt whose answer was lost may have left in Qualitor: looked for before a
 * retry writes again, so SOP Desk never writes twice. Finds the ticket carrying a submission key,
 * the history entry carrying its marker, the team or workflow step a demand was moved to; when Qualitor's answers
 * cannot tell, the outcome is {@link QualitorException.Unverifiable} rather than a blind write.
 * Apart from the client because deciding "already done" is its own job, with its own reading of
 * Qualitor's answers.
 */
final class EarlierAttempt {

    private final Exchange exchange;
    private final QualitorSettings settings;

    EarlierAttempt(Exchange exchange, QualitorSettings settings) {
        this.exchange = exchange;
        this.settings = settings;
    }

    /**
     * The customer's ticket that carries the draft's key. Looked for first among the tickets opened
     * since the day before the submission, with the period sent both ways installations read it
     * ({@code dtperiodo} alone, or {@code Idtipoperiodo} with {@code dtperiodo} and
     * {@code dtperiodo2}); when that finds nothing, among all the customer's tickets, so no one reading
     * of the filter is relied on. {@code getTicket} promises only cdchamado, nmtitulochamado,
     * nmsituacao and dtchamado per item: an item without {@code dspalavrachave} is read with
     * {@code getTicketData}, where the key is looked for in {@code dspalavrachave} and, for
     * installations that do not keep that field, in the last line of {@code dschamado}. A candidate
     * whose answer has neither makes the outcome {@link QualitorException.Unverifiable}.
     */
    Optional<TicketSummary> ticket(String customer, TicketDraft draft) {
        String key = QualitorClient.KEY_PREFIX + draft.submissionKey();
        Search search = new Search(key);
        Optional<TicketSummary> found = Optional.empty();
        if (draft.submittedOn() != null) {
            WsRequest recent = new WsRequest().data("cdcliente", customer)
                    .data("Idtipoperiodo", settings.periodType())
                    .data("dtperiodo", draft.submittedOn().minusDays(1).toString())
                    .data("dtperiodo2", draft.submittedOn().plusDays(2).toString());
            found = search.among(exchange.call("WSTicket", "getTicket", recent).items());
        }
        if (found.isEmpty()) {
            found = search.among(exchange.call("WSTicket", "getTicket", new WsRequest().data("cdcliente", customer)).items());
        }
        if (found.isPresent()) {
            return found;
        }
        if (search.unreadable > 0) {
            throw new QualitorException.Unverifiable(Wording.of("connector.unverifiable.ticket", search.unreadable,
                    draft.submittedOn() == null ? Wording.of("connector.unverifiable.since-sending") : draft.submittedOn().minusDays(1),
                    QualitorClient.KEY_LINE + key));
        }
        return Optional.empty();
    }

    /**
     * Whether the demand's history ({@code getTicketHistoryData}) has the entry carrying
     * {@code marker}; when the history shows no entry texts at all, that cannot be checked
     * ({@link QualitorException.Unverifiable}).
     */
    boolean wroteHistory(String number, String marker) {
        List<Map<String, String>> entries = exchange.call("WSTicket", "getTicketHistoryData", new WsRequest().data("cdchamado", number)).items();
        if (entries.stream().anyMatch(e -> e.getOrDefault("dsacompanhamento", "").contains(marker))) {
            return true;
        }
        if (!entries.isEmpty() && entries.stream().noneMatch(e -> e.containsKey("dsacompanhamento"))) {
            throw new QualitorException.Unverifiable(Wording.of("connector.unverifiable.history", number, marker));
        }
        return false;
    }

    /**
     * Whether the demand is in {@code team} already ({@code getTicketData}, {@code campos=cdequipe});
     * a demand whose answer does not give its team cannot be checked ({@link QualitorException.Unverifiable}).
     */
    boolean movedTo(String number, String team) {
        Map<String, String> item = exchange.call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", number)
                .data("campos", "cdchamado,cdequipe")).single();
        String current = item.get("cdequipe");
        if (current == null) {
            throw new QualitorException.Unverifiable(Wording.of("connector.unverifiable.team", number, team));
        }
        return current.strip().equals(team);
    }

    /**
     * Whether the demand is at workflow step {@code step} already ({@code getTicketStep}); public
     * clients call it but no public example shows its answer, so an answer without {@code cdetapa}
     * cannot be checked ({@link QualitorException.Unverifiable}).
     */
    boolean atStep(String number, String step) {
        List<Map<String, String>> items = exchange.call("WSTicket", "getTicketStep", new WsRequest().data("cdchamado", number)).items();
        String current = items.isEmpty() ? null : items.get(0).get("cdetapa");
        if (current == null) {
            throw new QualitorException.Unverifiable(Wording.of("connector.unverifiable.step", number, step));
        }
        return current.strip().equals(step);
    }

    /**
     * No public operation lists a demand's attachments: whether an earlier attempt attached the file
     * can never be checked, so this is always {@link QualitorException.Unverifiable}, for a person to
     * look in Qualitor, since attaching again could attach twice.
     */
    QualitorException.Unverifiable attachment(String number, String fileName) {
        return new QualitorException.Unverifiable(Wording.of("connector.unverifiable.attachment", fileName, number));
    }

    /** One look for a key across the listings of a search: each ticket is read at most once. */
    private final class Search {
        private final String key;
        private final Set<String> seen = new HashSet<>();
        private int unreadable;

        Search(String key) {
            this.key = key;
        }

        /** The listed ticket carrying the key, reading each one not read yet whose listing lacks the keyword. */
        Optional<TicketSummary> among(List<Map<String, String>> listed) {
            for (Map<String, String> item : listed) {
                String number = item.get("cdchamado");
                if (number == null || number.isBlank() || !seen.add(number)) {
                    continue;
                }
                String keyword = item.get("dspalavrachave");
                if (keyword != null && !keyword.isBlank()) {
                    if (keyword.strip().equals(key)) {
                        return Optional.of(Answers.summary(item));
                    }
                    continue;
                }
                Map<String, String> full;
                try {
                    full = exchange.call("WSTicket", "getTicketData", new WsRequest().data("cdchamado", number)
                            .data("campos", "cdchamado,nmtitulochamado,nmsituacao,dtchamado,dspalavrachave,dschamado")).single();
                } catch (QualitorException.Refused e) {
                    unreadable++;
                    continue;
                }
                String readKeyword = full.get("dspalavrachave");
                String text = full.get("dschamado");
                if (readKeyword != null && !readKeyword.isBlank()) {
                    if (readKeyword.strip().equals(key)) {
                        return Optional.of(Answers.summary(merged(item, full)));
                    }
                } else if (text != null) {
                    if (text.contains(QualitorClient.KEY_LINE + key)) {
                        return Optional.of(Answers.summary(merged(item, full)));
                    }
                } else {
                    unreadable++;
                }
            }
            return Optional.empty();
        }

        private static Map<String, String> merged(Map<String, String> listed, Map<String, String> read) {
            Map<String, String> all = new LinkedHashMap<>(listed);
            read.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    all.put(k, v);
                }
            });
            return all;
        }
    }
}
