package br.com.sopdesk.sop.entity;

import java.util.List;

/**
 * A node of a SOP's walk: a {@link Kind#STEP} the agent reads or does with the customer (with the
 * checks the seed asks for), a {@link Kind#QUESTION} whose answer picks the next node, or an
 * {@link Kind#OUTCOME} that ends the walk.
 *
 * <p>What the agent reads beside the text is kept apart by whom it is for, so the page can head each
 * list truthfully: questions to confirm with the customer, what to tell the customer, and what to
 * write in the ticket.
 *
 * @param id         id, unique in its bundle; a question's id is the key of its answer
 * @param kind       step, question or outcome
 * @param title      short pt-BR title
 * @param text       pt-BR guidance
 * @param checks     questions to confirm with the customer ("Confirme com o cliente")
 * @param next       the following node (steps)
 * @param options    the possible answers (questions)
 * @param outcome    how the walk ends (outcomes)
 * @param sop        the SOP the agent continues in ({@link Outcome#FOLLOW} outcomes), by id
 * @param guidance   what to tell the customer to do ("Oriente o cliente")
 * @param ticketNotes what to write in the ticket ("Registre no chamado")
 * @param video      the address of a tutorial video for this step (the portal's "Ver vídeo"), or
 *                   empty: not shown while empty
 * @param see        the id of another SOP this step leads to (opened beside this one), or null
 * @param reading    a document the agent must open before the walk goes on past this step, or null
 * @param qualitor   the own classification of an outcome that opens a ticket (its empty parts are the
 *                   SOP's), or null: the SOP's
 * @param record     on a solved outcome: the call is recorded in Qualitor as a demand opened and
 *                   closed at once, so the desk's calls and first-contact resolutions count there
 */
public record SopNode(String id, Kind kind, String title, String text, List<String> checks, String next,
                      List<SopOption> options, Outcome outcome, String sop, List<String> guidance, List<String> ticketNotes,
                      String video, String see, SopReading reading, QualitorMapping qualitor, Boolean record) implements java.io.Serializable {

    @jakarta.json.bind.annotation.JsonbCreator
    public SopNode {
        checks = checks == null ? List.of() : List.copyOf(checks);
        options = options == null ? List.of() : List.copyOf(options);
        guidance = guidance == null ? List.of() : List.copyOf(guidance);
        ticketNotes = ticketNotes == null ? List.of() : List.copyOf(ticketNotes);
        video = video == null || video.isBlank() ? null : video.strip();
        see = see == null || see.isBlank() ? null : see.strip();
        if (reading != null && reading.title() == null && reading.url() == null && reading.text() == null) {
            reading = null;
        }
    }

    /** A node that records no call (the bundle format before record-and-close). */
    public SopNode(String id, Kind kind, String title, String text, List<String> checks, String next,
                   List<SopOption> options, Outcome outcome, String sop, List<String> guidance, List<String> ticketNotes,
                   String video, String see, SopReading reading, QualitorMapping qualitor) {
        this(id, kind, title, text, checks, next, options, outcome, sop, guidance, ticketNotes, video, see, reading, qualitor, null);
    }

    /** A node classified as its SOP is (the bundle format before per-outcome classification). */
    public SopNode(String id, Kind kind, String title, String text, List<String> checks, String next,
                   List<SopOption> options, Outcome outcome, String sop, List<String> guidance, List<String> ticketNotes,
                   String video, String see, SopReading reading) {
        this(id, kind, title, text, checks, next, options, outcome, sop, guidance, ticketNotes, video, see, reading, null, null);
    }

    /** A node with nothing beside its text but checks (the bundle format before guidance, notes and links). */
    public SopNode(String id, Kind kind, String title, String text, List<String> checks, String next,
                   List<SopOption> options, Outcome outcome) {
        this(id, kind, title, text, checks, next, options, outcome, null, null, null, null, null, null, null, null);
    }

    /** A node with guidance, notes and links but no required reading (the bundle format before readings). */
    public SopNode(String id, Kind kind, String title, String text, List<String> checks, String next,
                   List<SopOption> options, Outcome outcome, String sop, List<String> guidance, List<String> ticketNotes,
                   String video, String see) {
        this(id, kind, title, text, checks, next, options, outcome, sop, guidance, ticketNotes, video, see, null, null, null);
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

    /** Whether the walk waits here until the agent confirms reading {@link #reading()}. */
    public boolean asksReading() {
        return kind == Kind.STEP && reading != null;
    }

    public boolean escalates() {
        return kind == Kind.OUTCOME && outcome == Outcome.ESCALATE;
    }

    /** Whether this solved outcome records the call in Qualitor, opened and closed at once. */
    public boolean recordsCall() {
        return kind == Kind.OUTCOME && outcome == Outcome.SOLVED && Boolean.TRUE.equals(record);
    }

    /** Whether reaching this outcome opens a Qualitor ticket: an escalation, or a solved call recorded. */
    public boolean opensTicket() {
        return escalates() || recordsCall();
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
