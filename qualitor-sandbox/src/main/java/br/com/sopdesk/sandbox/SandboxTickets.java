package br.com.sopdesk.sandbox;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where the sandbox keeps its tickets, their histories and their files: the received ones, of which
 * the latest {@code kept} stay whole and of older ones only the submission key (for the duplicate
 * count, {@link #keys}), and the reference demands, which are not "received". Apart from the rules
 * of Qualitor's operations ({@link SandboxQualitor}) because how much a test double may hold is a
 * concern of its own: a benchmark sends it hundreds of thousands of tickets, in the server's heap.
 *
 * <p>Not thread-safe: {@link SandboxQualitor} calls it under its monitor.
 */
final class SandboxTickets {

    /**
     * Numbers keep growing across redeploys (the sandbox keeps no data, SOP Desk's database does):
     * a restarted sandbox never hands out a demand number SOP Desk already knows.
     */
    private final AtomicLong numbers = new AtomicLong(48200 + Math.max(0, System.currentTimeMillis() / 1000 - 1_795_000_000L));
    private final AtomicLong attachmentCodes = new AtomicLong();
    private final Map<String, Map<String, String>> received = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> references = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> histories = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> attachments = new LinkedHashMap<>();
    private final Map<String, byte[]> fileContents = new HashMap<>();
    /** Submission keys ({@code dspalavrachave}) of the tickets no longer kept whole, oldest first. */
    private final List<String> forgottenKeys = new ArrayList<>();
    private final int kept;
    private final Consumer<String> forgotten;

    /**
     * @param kept      how many received tickets stay whole (at least one)
     * @param forgotten told the number of each ticket no longer kept whole, to drop what else it holds of it
     */
    SandboxTickets(int kept, Consumer<String> forgotten) {
        this.kept = Math.max(1, kept);
        this.forgotten = forgotten;
    }

    /** No tickets, no keys; numbers keep growing. */
    void clear() {
        received.clear();
        references.clear();
        histories.clear();
        attachments.clear();
        fileContents.clear();
        forgottenKeys.clear();
    }

    String nextNumber() {
        return String.valueOf(numbers.incrementAndGet());
    }

    /** Keeps a received ticket (its {@code cdchamado} set), forgetting the oldest beyond {@code kept}. */
    void receive(Map<String, String> ticket) {
        String number = ticket.get("cdchamado");
        received.put(number, ticket);
        histories.put(number, new ArrayList<>());
        attachments.put(number, new ArrayList<>());
        while (received.size() > kept) {
            forgetOldest();
        }
    }

    /** Keeps a reference demand: readable like any ticket, never counted as received. */
    void reference(Map<String, String> ticket) {
        String number = ticket.get("cdchamado");
        references.put(number, ticket);
        histories.put(number, new ArrayList<>());
        attachments.put(number, new ArrayList<>());
    }

    /** The oldest ticket kept whole is forgotten but for its submission key. */
    private void forgetOldest() {
        Map.Entry<String, Map<String, String>> oldest = received.entrySet().iterator().next();
        String number = oldest.getKey();
        forgottenKeys.add(oldest.getValue().getOrDefault("dspalavrachave", ""));
        received.remove(number);
        histories.remove(number);
        forgotten.accept(number);
        attachments.remove(number).forEach(a -> fileContents.remove(a.get("cdanexo")));
    }

    /** A received or reference ticket (the stored one, to change), or Qualitor's refusal. */
    Map<String, String> find(String number) throws SandboxFault {
        Map<String, String> t = number == null ? null : received.get(number.strip());
        if (t == null && number != null) {
            t = references.get(number.strip());
        }
        if (t == null) {
            throw new SandboxFault("20", "Ws - Chamado não encontrado: " + number);
        }
        return t;
    }

    /**
     * The tickets, reference demands too, newest first (the stored ones), of a customer, in a
     * situation and opened between two days (YYYY-MM-DD, inclusive), each when not null.
     */
    List<Map<String, String>> matching(String customer, String situation, String from, String to) {
        List<Map<String, String>> all = new ArrayList<>(references.values());
        all.addAll(received.values());
        List<Map<String, String>> found = new ArrayList<>();
        for (Map<String, String> t : all) {
            String day = t.get("dtchamado").substring(0, 10);
            if ((customer == null || customer.equals(t.get("cdcliente")))
                    && (situation == null || situation.equals(t.get("cdsituacao")))
                    && (from == null || day.compareTo(from) >= 0)
                    && (to == null || day.compareTo(to) <= 0)) {
                found.add(t);
            }
        }
        Collections.reverse(found);
        return found;
    }

    /** The received tickets kept whole, oldest first (the stored ones). */
    Iterable<Map<String, String>> receivedTickets() {
        return received.values();
    }

    /** The reference demands (the stored ones). */
    Iterable<Map<String, String>> references() {
        return references.values();
    }

    /** How many tickets were received since the last reset. */
    int received() {
        return forgottenKeys.size() + received.size();
    }

    /** The received tickets from the {@code from}-th on (0: all), as their submission keys ("" without one), oldest first. */
    List<String> keys(int from) {
        int start = Math.max(0, from);
        List<String> out = new ArrayList<>(Math.max(0, received() - start));
        if (start < forgottenKeys.size()) {
            out.addAll(forgottenKeys.subList(start, forgottenKeys.size()));
        }
        int skip = Math.max(0, start - forgottenKeys.size());
        received.values().stream().skip(skip).forEach(t -> out.add(t.getOrDefault("dspalavrachave", "")));
        return out;
    }

    /** A found ticket's history (the stored list, oldest first). */
    List<Map<String, String>> history(Map<String, String> ticket) {
        return histories.get(ticket.get("cdchamado"));
    }

    /** Keeps a file attached to a found ticket by the integration user. */
    void attach(Map<String, String> ticket, String name, String privateFlag, byte[] content, String at) {
        Map<String, String> file = new LinkedHashMap<>();
        file.put("cdanexo", String.valueOf(attachmentCodes.incrementAndGet()));
        file.put("nmanexo", name);
        file.put("idprivado", privateFlag);
        file.put("nrtamanho", String.valueOf(content.length));
        file.put("dtanexo", at);
        file.put("nmusuario", "integracao");
        attachments.get(ticket.get("cdchamado")).add(file);
        fileContents.put(file.get("cdanexo"), content);
    }

    /** The files attached to a ticket, each with its content in Base64 ({@code dsconteudo}) and as UTF-8 text ({@code texto}). */
    List<Map<String, String>> attachmentsOf(String number) {
        return attachments.getOrDefault(number, List.of()).stream().map(a -> {
            Map<String, String> copy = new LinkedHashMap<>(a);
            byte[] content = fileContents.getOrDefault(a.get("cdanexo"), new byte[0]);
            copy.put("dsconteudo", Base64.getEncoder().encodeToString(content));
            copy.put("texto", new String(content, java.nio.charset.StandardCharsets.UTF_8));
            return (Map<String, String>) copy;
        }).toList();
    }

    /** Copies of the received tickets kept whole, oldest first, each with how many files it has ({@code qtanexos}). */
    List<Map<String, String>> copies() {
        return received.values().stream().map(t -> {
            Map<String, String> copy = new LinkedHashMap<>(t);
            copy.put("qtanexos", String.valueOf(attachments.getOrDefault(t.get("cdchamado"), List.of()).size()));
            return (Map<String, String>) copy;
        }).toList();
    }
}
