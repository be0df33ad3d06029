package br.com.sopdesk.sop.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A node as edited. Checks, guidance and notes are edited one per line. */
public class SopDraftNode implements Serializable {

    private static final long serialVersionUID = 1L;

    String id;
    SopNode.Kind kind;
    String title;
    String text;
    List<String> checks = new ArrayList<>();
    String next;
    final List<SopDraftOption> options = new ArrayList<>();
    SopNode.Outcome outcome;
    String sop;
    List<String> guidance = new ArrayList<>();
    List<String> ticketNotes = new ArrayList<>();
    String video;
    String see;
    String readingTitle;
    String readingUrl;
    String readingText;
    /** An outcome's own classification: its category is edited here, its other parts are kept as they came. */
    QualitorMapping qualitor;
    boolean record;

    static SopDraftNode of(SopNode n) {
        SopDraftNode row = new SopDraftNode();
        row.id = n.id();
        row.kind = n.kind();
        row.title = n.title();
        row.text = n.text();
        row.checks = new ArrayList<>(n.checks());
        row.next = n.next();
        n.options().forEach(o -> row.options.add(SopDraftOption.of(o)));
        row.outcome = n.outcome();
        row.sop = n.sop();
        row.guidance = new ArrayList<>(n.guidance());
        row.ticketNotes = new ArrayList<>(n.ticketNotes());
        row.video = n.video();
        row.see = n.see();
        if (n.reading() != null) {
            row.readingTitle = n.reading().title();
            row.readingUrl = n.reading().url();
            row.readingText = n.reading().text();
        }
        row.qualitor = n.qualitor();
        row.record = n.recordsCall();
        return row;
    }

    /** The node; what does not belong to its kind (a step's options, a question's next node) is left out. */
    SopNode toNode() {
        boolean step = kind == SopNode.Kind.STEP;
        boolean question = kind == SopNode.Kind.QUESTION;
        boolean ends = kind == SopNode.Kind.OUTCOME;
        SopReading reading = step ? new SopReading(readingTitle, readingUrl, readingText) : null;
        boolean records = ends && outcome == SopNode.Outcome.SOLVED && record;
        boolean opens = ends && outcome == SopNode.Outcome.ESCALATE || records;
        return new SopNode(id, kind, title, SopDraftForm.orNull(text), checks, step ? SopDraftForm.orNull(next) : null,
                question ? options.stream().map(SopDraftOption::toOption).toList() : List.of(), ends ? outcome : null,
                ends && outcome == SopNode.Outcome.FOLLOW ? SopDraftForm.orNull(sop) : null, guidance, ticketNotes, video, see, reading,
                opens ? qualitor : null, records ? Boolean.TRUE : null);
    }

    /** The outcome's own category, or empty: the SOP's. */
    public String getCategory() {
        return qualitor == null ? null : qualitor.category();
    }

    public void setCategory(String category) {
        String code = SopDraftForm.orNull(category);
        QualitorMapping m = qualitor == null ? new QualitorMapping(null, null, null, null, null) : qualitor;
        QualitorMapping changed = new QualitorMapping(m.ticketType(), code, m.location(), m.severity(), m.titleTemplate());
        boolean empty = changed.ticketType() == null && code == null && changed.location() == null && changed.severity() == null
                && changed.titleTemplate() == null;
        qualitor = empty ? null : changed;
    }

    /** On a solved outcome: the call is recorded in Qualitor, opened and closed at once. */
    public boolean isRecord() {
        return record;
    }

    public void setRecord(boolean record) {
        this.record = record;
    }

    SopDraftNode copy() {
        SopDraftNode c = of(toNode());
        c.kind = kind;
        return c;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public SopNode.Kind getKind() {
        return kind;
    }

    public void setKind(SopNode.Kind kind) {
        this.kind = kind;
        if (kind == SopNode.Kind.OUTCOME && outcome == null) {
            outcome = SopNode.Outcome.SOLVED;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getChecks() {
        return SopDraftForm.lines(checks);
    }

    public void setChecks(String checks) {
        this.checks = SopDraftForm.fromLines(checks);
    }

    public String getGuidance() {
        return SopDraftForm.lines(guidance);
    }

    public void setGuidance(String guidance) {
        this.guidance = SopDraftForm.fromLines(guidance);
    }

    public String getTicketNotes() {
        return SopDraftForm.lines(ticketNotes);
    }

    public void setTicketNotes(String ticketNotes) {
        this.ticketNotes = SopDraftForm.fromLines(ticketNotes);
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = SopDraftForm.orNull(next);
    }

    public List<SopDraftOption> getOptions() {
        return options;
    }

    public SopNode.Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(SopNode.Outcome outcome) {
        this.outcome = outcome;
    }

    public String getSop() {
        return sop;
    }

    public void setSop(String sop) {
        this.sop = sop;
    }

    public String getVideo() {
        return video;
    }

    public void setVideo(String video) {
        this.video = video;
    }

    public String getReadingTitle() {
        return readingTitle;
    }

    public void setReadingTitle(String readingTitle) {
        this.readingTitle = readingTitle;
    }

    public String getReadingUrl() {
        return readingUrl;
    }

    public void setReadingUrl(String readingUrl) {
        this.readingUrl = readingUrl;
    }

    public String getReadingText() {
        return readingText;
    }

    public void setReadingText(String readingText) {
        this.readingText = readingText;
    }
}
