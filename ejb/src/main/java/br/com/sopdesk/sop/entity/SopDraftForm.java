package br.com.sopdesk.sop.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SOP bundle as the on-screen editor changes it: mutable rows for nodes, options and fields, and the
 * node operations an administrator uses (add, move, copy, delete, link). {@link SopBundle} stays the
 * immutable published form; this one may be incomplete or broken while it is edited, and
 * {@link BundleCheck} says what is wrong at each node. Deleting a node retargets nothing on its own:
 * every link to it becomes empty, so the check shows it where it was.
 */
public class SopDraftForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private int version = 1;
    private String seed;
    private String title;
    private String summary;
    private List<String> keywords = new ArrayList<>();
    private List<String> certificateTypes = new ArrayList<>();
    private String start;
    private final List<SopDraftNode> nodes = new ArrayList<>();
    private final List<SopDraftField> fields = new ArrayList<>();
    private String ticketType;
    private String category;
    private String location;
    private String severity;
    private String titleTemplate;
    private int returnHours = SlaPolicy.DEFAULT.returnHours();
    /** Seed 003's warranty part: not edited on screen, carried unchanged to the next version. */
    private WarrantySpec warranty;

    /** An empty SOP to build from nothing: version 1, one question to start from. */
    public static SopDraftForm blank() {
        SopDraftForm form = new SopDraftForm();
        form.addNode(SopNode.Kind.QUESTION);
        return form;
    }

    /** The form of a published bundle, to edit as its next version. */
    public static SopDraftForm nextVersionOf(SopBundle bundle) {
        SopDraftForm form = of(bundle);
        form.version = bundle.version() + 1;
        return form;
    }

    /** The form holding exactly what the bundle says. */
    public static SopDraftForm of(SopBundle bundle) {
        SopDraftForm form = new SopDraftForm();
        form.id = bundle.id();
        form.version = bundle.version();
        form.seed = bundle.seed();
        form.title = bundle.title();
        form.summary = bundle.summary();
        form.keywords = new ArrayList<>(bundle.keywords());
        form.certificateTypes = new ArrayList<>(bundle.certificateTypes());
        form.start = bundle.start();
        bundle.nodes().forEach(n -> form.nodes.add(SopDraftNode.of(n)));
        bundle.fields().forEach(f -> form.fields.add(SopDraftField.of(f)));
        QualitorMapping q = bundle.qualitor();
        if (q != null) {
            form.ticketType = q.ticketType();
            form.category = q.category();
            form.location = q.location();
            form.severity = q.severity();
            form.titleTemplate = q.titleTemplate();
        }
        form.returnHours = bundle.sla().returnHours();
        form.warranty = bundle.warranty();
        return form;
    }

    /** The bundle the form describes, whether or not it is valid ({@link BundleCheck} says). */
    public SopBundle toBundle() {
        QualitorMapping qualitor = ticketType == null && category == null && location == null && severity == null && titleTemplate == null
                ? null : new QualitorMapping(ticketType, category, location, severity, titleTemplate);
        return new SopBundle(id == null ? "" : id, version, seed, title == null ? "" : title, summary, keywords, certificateTypes,
                start == null ? "" : start, nodes.stream().map(SopDraftNode::toNode).toList(), fields.stream().map(SopDraftField::toField).toList(),
                qualitor, new SlaPolicy(returnHours), warranty);
    }

    /** Adds a node of that kind at the end, with an id no other node has; the first node becomes the start. */
    public SopDraftNode addNode(SopNode.Kind kind) {
        SopDraftNode row = new SopDraftNode();
        row.id = freeId(kind.name().toLowerCase(java.util.Locale.ROOT));
        row.kind = kind;
        if (kind == SopNode.Kind.QUESTION) {
            row.options.add(new SopDraftOption());
            row.options.add(new SopDraftOption());
        } else if (kind == SopNode.Kind.OUTCOME) {
            row.outcome = SopNode.Outcome.SOLVED;
        }
        nodes.add(row);
        if (blank(start)) {
            start = row.id;
        }
        return row;
    }

    public void moveUp(int index) {
        if (index > 0 && index < nodes.size()) {
            nodes.add(index - 1, nodes.remove(index));
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < nodes.size() - 1) {
            nodes.add(index + 1, nodes.remove(index));
        }
    }

    /** Copies the node just below it, with a new id; its links stay as they were (nothing links to the copy yet). */
    public SopDraftNode copy(int index) {
        SopDraftNode copy = nodes.get(index).copy();
        copy.id = freeId(nodes.get(index).id + "-copia");
        nodes.add(index + 1, copy);
        return copy;
    }

    /**
     * Deletes the node; every link to it (the start, a step's next node, an option's target, the
     * question a field depends on) becomes empty, never moved elsewhere, so each shows as a problem.
     */
    public void delete(int index) {
        String gone = nodes.remove(index).id;
        if (gone == null) {
            return;
        }
        if (gone.equals(start)) {
            start = null;
        }
        for (SopDraftNode n : nodes) {
            if (gone.equals(n.next)) {
                n.next = null;
            }
            n.options.stream().filter(o -> gone.equals(o.next)).forEach(o -> o.next = null);
        }
        fields.stream().filter(f -> gone.equals(f.whenQuestion)).forEach(f -> f.whenQuestion = null);
    }

    /** Gives a node another id and follows it everywhere it is linked from. */
    public void rename(int index, String newId) {
        SopDraftNode row = nodes.get(index);
        String old = row.id;
        row.id = newId;
        if (old == null || old.equals(newId)) {
            return;
        }
        if (old.equals(start)) {
            start = newId;
        }
        for (SopDraftNode n : nodes) {
            if (old.equals(n.next)) {
                n.next = newId;
            }
            n.options.stream().filter(o -> old.equals(o.next)).forEach(o -> o.next = newId);
        }
        fields.stream().filter(f -> old.equals(f.whenQuestion)).forEach(f -> f.whenQuestion = newId);
    }

    public SopDraftOption addOption(int nodeIndex) {
        SopDraftOption option = new SopDraftOption();
        nodes.get(nodeIndex).options.add(option);
        return option;
    }

    public void removeOption(int nodeIndex, int optionIndex) {
        nodes.get(nodeIndex).options.remove(optionIndex);
    }

    /** Makes the option lead to the node with this id (any node; empty: nowhere yet). */
    public void link(int nodeIndex, int optionIndex, String target) {
        nodes.get(nodeIndex).options.get(optionIndex).next = blank(target) ? null : target;
    }

    public SopDraftField addField() {
        SopDraftField field = new SopDraftField();
        fields.add(field);
        return field;
    }

    public void removeField(int index) {
        fields.remove(index);
    }

    /** The node ids, in order, for the menus that link to a node. */
    public List<String> nodeIds() {
        return nodes.stream().map(n -> n.id).filter(Objects::nonNull).toList();
    }

    /** The questions, for the menu of a field's "asked when". */
    public List<SopDraftNode> questions() {
        return nodes.stream().filter(n -> n.kind == SopNode.Kind.QUESTION).toList();
    }

    private String freeId(String base) {
        Set<String> taken = new HashSet<>(nodeIds());
        String candidate = base;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String orNull(String s) {
        return blank(s) ? null : s;
    }

    /** One line per item, for a text area; blank lines dropped on the way back. */
    static String lines(List<String> items) {
        return String.join("\n", items);
    }

    static List<String> fromLines(String text) {
        return text == null ? new ArrayList<>() : new ArrayList<>(Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = orNull(summary);
    }

    /** The search words, comma-separated for one text field. */
    public String getKeywords() {
        return String.join(", ", keywords);
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords == null ? new ArrayList<>()
                : new ArrayList<>(Arrays.stream(keywords.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public List<String> getCertificateTypes() {
        return certificateTypes;
    }

    public void setCertificateTypes(List<String> certificateTypes) {
        this.certificateTypes = certificateTypes == null ? new ArrayList<>() : new ArrayList<>(certificateTypes);
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = orNull(start);
    }

    public List<SopDraftNode> getNodes() {
        return nodes;
    }

    public List<SopDraftField> getFields() {
        return fields;
    }

    public String getTicketType() {
        return ticketType;
    }

    public void setTicketType(String ticketType) {
        this.ticketType = orNull(ticketType);
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = orNull(category);
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = orNull(location);
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = orNull(severity);
    }

    public String getTitleTemplate() {
        return titleTemplate;
    }

    public void setTitleTemplate(String titleTemplate) {
        this.titleTemplate = orNull(titleTemplate);
    }

    public int getReturnHours() {
        return returnHours;
    }

    public void setReturnHours(int returnHours) {
        this.returnHours = returnHours;
    }
}
