package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopOption;
import br.com.sopdesk.sop.entity.SopReading;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a SOP, so an administrator sees what a new version does
 * before and after it is in force: nodes added and removed, texts changed, options and steps leading
 * elsewhere, the ticket's fields, its classification and return promise. Pure: the same two bundles
 * give the same list, in the order of the bundles.
 */
public final class SopDiff {

    /** What kind of change, as the API names it. */
    public enum Kind {
        NODE_ADDED, NODE_REMOVED, KIND_CHANGED, TEXT_CHANGED, NEXT_CHANGED, OUTCOME_CHANGED,
        OPTION_ADDED, OPTION_REMOVED, OPTION_RETARGETED,
        FIELD_ADDED, FIELD_REMOVED, FIELD_CHANGED, CLASSIFICATION_CHANGED, START_CHANGED, SLA_CHANGED, WARRANTY_CHANGED
    }

    /**
     * One change.
     *
     * @param kind     what changed
     * @param node     the node it is in (null for the SOP's own parts and its fields)
     * @param field    the ticket field it is about (FIELD_* kinds), or null
     * @param property the part that changed: {@code title}, {@code text}, {@code checks}..., an option's
     *                 value (OPTION_* kinds; {@code option.<value>} for its label), a field's
     *                 {@code label}, {@code type}..., a classification's {@code category}...
     * @param from     the value in the older version (null when absent)
     * @param to       the value in the newer version (null when absent)
     */
    public record Change(Kind kind, String node, String field, String property, String from, String to) implements Serializable {
    }

    private final List<Change> changes = new ArrayList<>();

    private SopDiff() {
    }

    /** The changes that lead from {@code from} to {@code to} (usually two versions of one SOP). */
    public static List<Change> between(SopBundle from, SopBundle to) {
        SopDiff diff = new SopDiff();
        diff.sop(from, to);
        diff.nodes(from, to);
        diff.fields(from.fields(), to.fields());
        diff.classification(null, from.qualitor(), to.qualitor());
        diff.compare(Kind.SLA_CHANGED, null, null, "returnHours", from.sla().returnHours(), to.sla().returnHours());
        diff.compare(Kind.WARRANTY_CHANGED, null, null, "warranty", from.warranty(), to.warranty());
        return List.copyOf(diff.changes);
    }

    private void sop(SopBundle from, SopBundle to) {
        compare(Kind.TEXT_CHANGED, null, null, "title", from.title(), to.title());
        compare(Kind.TEXT_CHANGED, null, null, "summary", from.summary(), to.summary());
        compare(Kind.TEXT_CHANGED, null, null, "keywords", from.keywords(), to.keywords());
        compare(Kind.TEXT_CHANGED, null, null, "certificateTypes", from.certificateTypes(), to.certificateTypes());
        compare(Kind.START_CHANGED, null, null, "start", from.start(), to.start());
    }

    private void nodes(SopBundle from, SopBundle to) {
        Map<String, SopNode> after = to.nodesById();
        Map<String, SopNode> before = from.nodesById();
        for (SopNode old : from.nodes()) {
            SopNode now = after.get(old.id());
            if (now == null) {
                changes.add(new Change(Kind.NODE_REMOVED, old.id(), null, null, old.title(), null));
            } else {
                node(old, now);
            }
        }
        to.nodes().stream().filter(n -> !before.containsKey(n.id()))
                .forEach(n -> changes.add(new Change(Kind.NODE_ADDED, n.id(), null, null, null, n.title())));
    }

    private void node(SopNode old, SopNode now) {
        String id = old.id();
        compare(Kind.KIND_CHANGED, id, null, "kind", old.kind(), now.kind());
        compare(Kind.TEXT_CHANGED, id, null, "title", old.title(), now.title());
        compare(Kind.TEXT_CHANGED, id, null, "text", old.text(), now.text());
        compare(Kind.TEXT_CHANGED, id, null, "checks", old.checks(), now.checks());
        compare(Kind.TEXT_CHANGED, id, null, "guidance", old.guidance(), now.guidance());
        compare(Kind.TEXT_CHANGED, id, null, "ticketNotes", old.ticketNotes(), now.ticketNotes());
        compare(Kind.TEXT_CHANGED, id, null, "video", old.video(), now.video());
        compare(Kind.TEXT_CHANGED, id, null, "see", old.see(), now.see());
        SopReading was = old.reading() == null ? new SopReading(null, null, null) : old.reading();
        SopReading is = now.reading() == null ? new SopReading(null, null, null) : now.reading();
        compare(Kind.TEXT_CHANGED, id, null, "reading.title", was.title(), is.title());
        compare(Kind.TEXT_CHANGED, id, null, "reading.url", was.url(), is.url());
        compare(Kind.TEXT_CHANGED, id, null, "reading.text", was.text(), is.text());
        compare(Kind.NEXT_CHANGED, id, null, "next", old.next(), now.next());
        compare(Kind.OUTCOME_CHANGED, id, null, "outcome", old.outcome(), now.outcome());
        compare(Kind.OUTCOME_CHANGED, id, null, "sop", old.sop(), now.sop());
        compare(Kind.OUTCOME_CHANGED, id, null, "record", old.recordsCall(), now.recordsCall());
        classification(id, old.qualitor(), now.qualitor());
        for (SopOption o : old.options()) {
            SopOption n = now.option(o.value());
            if (n == null) {
                changes.add(new Change(Kind.OPTION_REMOVED, id, null, o.value(), o.next(), null));
            } else {
                compare(Kind.TEXT_CHANGED, id, null, "option." + o.value(), o.label(), n.label());
                compare(Kind.OPTION_RETARGETED, id, null, o.value(), o.next(), n.next());
            }
        }
        now.options().stream().filter(n -> old.option(n.value()) == null)
                .forEach(n -> changes.add(new Change(Kind.OPTION_ADDED, id, null, n.value(), null, n.next())));
    }

    private void fields(List<FieldSpec> from, List<FieldSpec> to) {
        for (FieldSpec old : from) {
            FieldSpec now = to.stream().filter(f -> f.name().equals(old.name())).findFirst().orElse(null);
            if (now == null) {
                changes.add(new Change(Kind.FIELD_REMOVED, null, old.name(), null, old.label(), null));
                continue;
            }
            compare(Kind.FIELD_CHANGED, null, old.name(), "label", old.label(), now.label());
            compare(Kind.FIELD_CHANGED, null, old.name(), "type", old.type(), now.type());
            compare(Kind.FIELD_CHANGED, null, old.name(), "required", old.required(), now.required());
            compare(Kind.FIELD_CHANGED, null, old.name(), "help", old.help(), now.help());
            compare(Kind.FIELD_CHANGED, null, old.name(), "when", when(old), when(now));
        }
        to.stream().filter(n -> from.stream().noneMatch(f -> f.name().equals(n.name())))
                .forEach(n -> changes.add(new Change(Kind.FIELD_ADDED, null, n.name(), null, null, n.label())));
    }

    private static String when(FieldSpec f) {
        return f.when() == null ? null : f.when().question() + " = " + f.when().answer();
    }

    /** The SOP's classification ({@code node} null) or an outcome's own one, part by part. */
    private void classification(String node, QualitorMapping from, QualitorMapping to) {
        part(node, from, to, "ticketType", QualitorMapping::ticketType);
        part(node, from, to, "category", QualitorMapping::category);
        part(node, from, to, "location", QualitorMapping::location);
        part(node, from, to, "severity", QualitorMapping::severity);
        part(node, from, to, "titleTemplate", QualitorMapping::titleTemplate);
    }

    private void part(String node, QualitorMapping from, QualitorMapping to, String property, Function<QualitorMapping, String> value) {
        compare(Kind.CLASSIFICATION_CHANGED, node, null, property, from == null ? null : value.apply(from), to == null ? null : value.apply(to));
    }

    private void compare(Kind kind, String node, String field, String property, Object from, Object to) {
        String a = text(from);
        String b = text(to);
        if (!Objects.equals(a, b)) {
            changes.add(new Change(kind, node, field, property, a, b));
        }
    }

    /** A value as the administrator reads it: lists one item per line, nothing for an empty one. */
    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }
}
