package br.com.sopdesk.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fresh sandbox knows besides what tests send it: Qualitor's dictionaries as SOP Desk's
 * shipped SOPs use them (categories 32 to 36, ticket type 5, location 4, severities 2 and 3), its
 * teams (seeded 7 and 8, extended from the controls), and one reference demand per seeded category.
 * Apart from the operations so the seeded data and the names Qualitor gives its codes are read in
 * one place.
 *
 * <p>Not thread-safe: {@link SandboxQualitor} calls it under its monitor.
 */
final class SandboxCatalog {

    /** Categories SOP Desk's shipped SOPs use: code to {group, name}. */
    private static final Map<String, String[]> CATEGORIES = categories(
            "32", "Certificado Digital", "Perda de senha",
            "33", "Certificado Digital", "Token em branco",
            "34", "Certificado Digital", "Sem matrícula CEI",
            "35", "Mídias", "Alteração de senha e formatação",
            "36", "Garantias", "Revogação e reemissão");
    private static final Map<String, String> TICKET_TYPES = Map.of("5", "Solicitação");

    private final Map<String, String> teams = new LinkedHashMap<>();

    private static Map<String, String[]> categories(String... codeGroupName) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < codeGroupName.length; i += 3) {
            m.put(codeGroupName[i], new String[] {codeGroupName[i + 1], codeGroupName[i + 2]});
        }
        return Collections.unmodifiableMap(m);
    }

    /** The seeded teams only. */
    void reset() {
        teams.clear();
        teams.put("7", "Relacionamento");
        teams.put("8", "Suporte Técnico");
    }

    Map<String, String> teams() {
        return new LinkedHashMap<>(teams);
    }

    void registerTeam(String code, String name) {
        teams.put(code, name == null || name.isBlank() ? "Equipe " + code : name);
    }

    /** The team's name, "" for none or an unknown one. */
    String teamName(String code) {
        return teams.getOrDefault(code, "");
    }

    boolean knowsTeam(String code) {
        return teams.containsKey(code);
    }

    /** A copy of the ticket with the names of its category, type and team, where Qualitor knows them. */
    Map<String, String> named(Map<String, String> ticket) {
        Map<String, String> copy = new LinkedHashMap<>(ticket);
        String[] category = CATEGORIES.get(ticket.get("cdcategoria"));
        if (category != null) {
            copy.put("nmcategoria", category[1]);
            copy.put("nmcategoriacompleta", fullName(category));
        }
        if (TICKET_TYPES.containsKey(ticket.get("cdtipochamado"))) {
            copy.put("nmtipochamado", TICKET_TYPES.get(ticket.get("cdtipochamado")));
        }
        if (teams.containsKey(ticket.get("cdequipe"))) {
            copy.put("nmequipe", teams.get(ticket.get("cdequipe")));
        }
        return copy;
    }

    /**
     * The reference demands, one per seeded category in code order, fully classified, numbered from
     * {@code firstNumber}.
     *
     * @param opened when they count as opened (and due)
     */
    static List<Map<String, String>> referenceDemands(String customer, String contact, int firstNumber, String opened) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String[]> category : CATEGORIES.entrySet()) {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("cdcliente", customer);
            t.put("cdcontato", contact);
            t.put("nmtitulochamado", "Demanda de referência - " + fullName(category.getValue()));
            t.put("cdtipochamado", "5");
            t.put("cdcategoria", category.getKey());
            t.put("cdlocalidade", "4");
            t.put("cdseveridade", "35".equals(category.getKey()) ? "3" : "2");
            t.put("cdequipe", "36".equals(category.getKey()) ? "7" : "8");
            t.put("dschamado", "Demanda de referência da categoria " + category.getKey() + " para testes.");
            t.put("cdchamado", String.valueOf(firstNumber + out.size()));
            t.put("cdsituacao", "1");
            t.put("nmsituacao", "Aguardando atendimento");
            t.put("dtchamado", opened);
            t.put("dtprevisaoresposta", opened);
            out.add(t);
        }
        return out;
    }

    private static String fullName(String[] category) {
        return category[0] + " - " + category[1];
    }
}
