package br.com.sopdesk.qualitor;

import java.util.List;
import java.util.Map;

/**
 * Qualitor's answer items read into SOP Desk's types ({@link TicketSummary}, {@link DemandProgress},
 * {@link DemandCodes}): the field names of the answers, and what a missing or odd value means, in
 * one place, apart from the requests that asked for them.
 */
final class Answers {

    private Answers() {
    }

    /** A ticket as {@code getTicket} or {@code getTicketData} lists it; the submission key when {@code dspalavrachave} has SOP Desk's. */
    static TicketSummary summary(Map<String, String> item) {
        String keyword = item.getOrDefault("dspalavrachave", "");
        String key = keyword.startsWith(QualitorClient.KEY_PREFIX) ? keyword.substring(QualitorClient.KEY_PREFIX.length()) : null;
        return new TicketSummary(required(item, "cdchamado"), item.getOrDefault("nmtitulochamado", ""),
                item.getOrDefault("nmsituacao", ""), item.getOrDefault("dtchamado", ""),
                item.getOrDefault("dtprevisaoresposta", ""), key);
    }

    /** The opened ticket from {@code addTicketByData}'s answer; a status 1 without a number is malformed. */
    static OpenedTicket opened(Map<String, String> item) {
        return new OpenedTicket(required(item, "cdchamado"), item.getOrDefault("nmsituacao", ""), item.getOrDefault("dtchamado", ""),
                false);
    }

    /** A field the answer must carry, or {@link QualitorException.Malformed}. */
    static String required(Map<String, String> item, String field) {
        String value = item.get(field);
        if (value == null || value.isBlank()) {
            throw new QualitorException.Malformed(Wording.of("connector.answer.missing-field", field));
        }
        return value;
    }

    /**
     * A demand's progress from its {@code getTicketData} item and its {@code getTicketHistoryData}
     * items. An expected answer date Qualitor writes in a shape we do not read is left out rather
     * than failing the read.
     *
     * @param user the integration login, whose entries are SOP Desk's own
     */
    static DemandProgress progress(String number, Map<String, String> item, List<Map<String, String>> history, String user) {
        Stamp expected;
        try {
            expected = Stamp.parse(item.get("dtprevisaoresposta"));
        } catch (QualitorException.Malformed e) {
            expected = null;
        }
        return new DemandProgress(number, item.get("cdsituacao"), item.get("nmsituacao"),
                expected == null ? null : expected.latest(), history.stream().map(h -> historyEntry(h, user)).toList());
    }

    /**
     * An entry is SOP Desk's own when its user code ({@code cdusuario}) or name ({@code nmusuario})
     * is the integration login, or when its text starts with {@link QualitorClient#HISTORY_MARKER}.
     */
    private static DemandProgress.Entry historyEntry(Map<String, String> item, String user) {
        String name = item.getOrDefault("nmusuario", "").strip();
        String code = item.getOrDefault("cdusuario", "").strip();
        String text = item.getOrDefault("dsacompanhamento", "");
        boolean ours = (!name.isEmpty() && name.equalsIgnoreCase(user)) || (!code.isEmpty() && code.equalsIgnoreCase(user))
                || text.stripLeading().startsWith(QualitorClient.HISTORY_MARKER.strip());
        Stamp at = Stamp.parse(item.get("dtacompanhamento"));
        return new DemandProgress.Entry(at == null ? null : at.at(), at != null && at.dateOnly(), name.isEmpty() ? code : name,
                text, ours);
    }

    /** A demand's classification codes and names; the full category name when Qualitor gives one. */
    static DemandCodes demandCodes(String number, Map<String, String> i) {
        String category = i.getOrDefault("nmcategoriacompleta", "");
        return new DemandCodes(number, i.get("cdcategoria"), category.isBlank() ? i.get("nmcategoria") : category,
                i.get("cdtipochamado"), i.get("nmtipochamado"), i.get("cdequipe"), i.get("nmequipe"));
    }

    /** The first non-blank name ({@code nm*}) or description ({@code ds*}) of an item: how installations name an extra-information type. */
    static String name(Map<String, String> item) {
        return item.entrySet().stream().filter(e -> e.getKey().startsWith("nm") || e.getKey().startsWith("ds"))
                .map(Map.Entry::getValue).filter(v -> !v.isBlank()).findFirst().orElse("");
    }

    /** The situation an answer reports ({@code nmsituacao} of its first item), empty when none. */
    static String situation(WsResponse answer) {
        return answer.items().stream().findFirst().map(i -> i.getOrDefault("nmsituacao", "")).orElse("");
    }
}
