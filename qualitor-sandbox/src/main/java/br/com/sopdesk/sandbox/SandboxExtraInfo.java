package br.com.sopdesk.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Qualitor's extra information: the types an installation defines (code to name, seeded with
 * 1740 to 1743) and each ticket's values, sent as {@code vlinformacaoadicionalNN}. Apart from the
 * tickets because the types are a dictionary of their own, which the controls extend, and the
 * values travel outside the ticket's fields.
 *
 * <p>Not thread-safe: {@link SandboxQualitor} calls it under its monitor.
 */
final class SandboxExtraInfo {

    private static final Pattern ADDITIONAL = Pattern.compile("vlinformacaoadicional(\\d+)");

    private final Map<String, String> types = new LinkedHashMap<>();
    /** Extra information per ticket: code (the NN of vlinformacaoadicionalNN) to value. */
    private final Map<String, Map<String, String>> values = new HashMap<>();

    /** The seeded types, no values. */
    void reset() {
        values.clear();
        types.clear();
        types.put("1740", "Telefone alternativo");
        types.put("1741", "E-mail de retorno");
        types.put("1742", "CNPJ/CPF do titular");
        types.put("1743", "Procedimento (SOP)");
    }

    Map<String, String> types() {
        return new LinkedHashMap<>(types);
    }

    /** Someone at Qualitor creates an extra-information type. */
    void registerType(String code, String name) {
        types.put(code, name == null ? "" : name);
    }

    /** A new ticket's values: every {@code vlinformacaoadicionalNN} of {@code additional}, known NN or not. */
    void opened(String number, Map<String, String> additional) {
        values.put(number, valuesOf(additional));
    }

    /** {@code changeTicketAdditionalInfo}: sets the given values, keeps the others. */
    void change(String number, Map<String, String> additional) {
        values.computeIfAbsent(number, n -> new LinkedHashMap<>()).putAll(valuesOf(additional));
    }

    void forget(String number) {
        values.remove(number);
    }

    /** {@code getTicketAdditionalInfos}: the ticket's extra information, each with its type's name ("" when unknown). */
    List<Map<String, String>> of(String number) {
        List<Map<String, String>> out = new ArrayList<>();
        values.getOrDefault(number, Map.of()).forEach((code, value) -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("cdtipoinformacaoadicional", code);
            item.put("nminformacaoadicional", types.getOrDefault(code, ""));
            item.put("vlinformacaoadicional", value);
            out.add(item);
        });
        return out;
    }

    /** {@code getTicketAdditionalInfoDetail}: one extra-information type. */
    Map<String, String> type(String code) throws SandboxFault {
        if (code == null || code.isBlank()) {
            throw new SandboxFault("12", "Ws - Campo obrigatório não informado: cdtipoinformacaoadicional");
        }
        String name = types.get(code.strip());
        if (name == null) {
            throw new SandboxFault("20", "Ws - Informação adicional não encontrada: " + code.strip());
        }
        Map<String, String> item = new LinkedHashMap<>();
        item.put("cdtipoinformacaoadicional", code.strip());
        item.put("nminformacaoadicional", name);
        return item;
    }

    /** The {@code vlinformacaoadicionalNN} elements as NN to value; other elements are not extra information. */
    private static Map<String, String> valuesOf(Map<String, String> additional) {
        Map<String, String> out = new LinkedHashMap<>();
        additional.forEach((k, v) -> {
            var m = ADDITIONAL.matcher(k);
            if (m.matches()) {
                out.put(m.group(1), v);
            }
        });
        return out;
    }
}
