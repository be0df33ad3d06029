package br.com.sopdesk.sop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopChart.Box;
import br.com.sopdesk.sop.control.SopChart.Edge;
import br.com.sopdesk.sop.control.SopChart.Point;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopNode.Kind;
import br.com.sopdesk.sop.entity.SopNode.Outcome;
import br.com.sopdesk.sop.entity.SopOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The flow chart of every seed SOP is drawn whole and cleanly: each node once, no box over another,
 * every line from its node to the next, downwards, the same every time; and drafts an editor may
 * hold (loops, unreachable nodes, hostile titles) are drawn rather than refused.
 */
class SopChartTest {

    static List<SopBundle> seeds() {
        return SeedBundles.index().stream().map(f -> SopBundleJson.read(SeedBundles.resource("sops/" + f))).toList();
    }

    /** The distinct (from, to) pairs the bundle links, which the chart draws one edge each. */
    static Set<String> links(SopBundle bundle) {
        Set<String> ids = bundle.nodes().stream().map(SopNode::id).collect(Collectors.toSet());
        Set<String> links = new HashSet<>();
        for (SopNode n : bundle.nodes()) {
            if (n.kind() == Kind.STEP && n.next() != null) {
                links.add(n.id() + "→" + n.next());
            }
            n.options().forEach(o -> links.add(n.id() + "→" + o.next()));
        }
        links.removeIf(l -> !ids.contains(l.substring(l.indexOf('→') + 1)));
        return links;
    }

    static void assertWellDrawn(SopBundle bundle, SopChart chart) {
        List<String> placed = chart.boxes().stream().map(Box::id).toList();
        assertEquals(bundle.nodes().stream().map(SopNode::id).sorted().toList(), placed.stream().sorted().toList(),
                bundle.id() + ": every node placed once");
        for (Box a : chart.boxes()) {
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= chart.width() && a.bottom() <= chart.height(), bundle.id() + ": inside the drawing " + a);
            for (Box b : chart.boxes()) {
                assertFalse(a != b && a.overlaps(b), bundle.id() + ": " + a.id() + " overlaps " + b.id());
            }
            a.lines().forEach(l -> assertTrue(l.text().codePointCount(0, l.text().length()) <= ChartText.MAX_CHARS, l.text()));
            assertTrue(a.lines().size() <= ChartText.MAX_LINES, a.id());
            a.lines().forEach(l -> assertTrue(l.y() > a.y() && l.y() < a.bottom(), bundle.id() + ": line inside its box " + a.id()));
        }
        assertEquals(links(bundle), chart.edges().stream().map(e -> e.from() + "→" + e.to()).collect(Collectors.toSet()), bundle.id() + ": every link drawn");
        assertEquals(chart.edges().size(), links(bundle).size(), bundle.id() + ": one edge per linked pair");
        for (Edge e : chart.edges()) {
            assertTrue(chart.box(e.from()).holds(e.points().get(0)), bundle.id() + ": " + e + " starts at its source's box");
            assertTrue(chart.box(e.to()).holds(e.points().get(e.points().size() - 1)), bundle.id() + ": " + e + " ends at its target's box");
            int half = e.caption().length() * 3;
            assertTrue(e.labelAt().x() - half >= 0 && e.labelAt().x() + half <= chart.width(), bundle.id() + ": caption inside " + e);
            for (Point p : e.points()) {
                assertTrue(p.x() >= 0 && p.x() <= chart.width() && p.y() >= 0 && p.y() <= chart.height(), bundle.id() + ": " + e + " inside");
            }
        }
    }

    @Test
    void everySeedIsDrawnWholeWithoutOverlapsAndEveryLineRunsFromItsNodeToTheNext() {
        List<SopBundle> seeds = seeds();
        assertTrue(seeds.size() >= 12, "all the seeds: " + seeds.size());
        for (SopBundle bundle : seeds) {
            assertWellDrawn(bundle, SopChart.of(bundle));
        }
    }

    @Test
    void ranksGrowAlongEveryLinkOfEverySeedAndTheStartIsOnTop() {
        for (SopBundle bundle : seeds()) {
            SopChart chart = SopChart.of(bundle);
            assertEquals(0, chart.box(bundle.start()).rank(), bundle.id());
            for (Edge e : chart.edges()) {
                Box from = chart.box(e.from());
                Box to = chart.box(e.to());
                assertTrue(from.rank() < to.rank(), bundle.id() + ": " + e.from() + " → " + e.to());
                assertTrue(from.bottom() < to.y(), bundle.id() + ": drawn downwards " + e.from() + " → " + e.to());
                assertFalse(e.backward());
                for (int i = 1; i < e.points().size(); i++) {
                    assertTrue(e.points().get(i).y() >= e.points().get(i - 1).y(), bundle.id() + ": never upwards " + e);
                }
            }
            assertTrue(chart.allReachable(), bundle.id());
        }
    }

    @Test
    void noCaptionCoversAnotherOrABox() {
        for (SopBundle bundle : seeds()) {
            SopChart chart = SopChart.of(bundle);
            List<Edge> captioned = chart.edges().stream().filter(e -> !e.caption().isEmpty()).toList();
            for (int i = 0; i < captioned.size(); i++) {
                Edge a = captioned.get(i);
                for (int j = i + 1; j < captioned.size(); j++) {
                    Edge b = captioned.get(j);
                    int apart = (ChartText.captionWidth(a.caption()) + ChartText.captionWidth(b.caption())) / 2;
                    assertTrue(Math.abs(a.labelAt().y() - b.labelAt().y()) >= 12 || Math.abs(a.labelAt().x() - b.labelAt().x()) >= apart,
                            bundle.id() + ": the captions «" + a.caption() + "» and «" + b.caption() + "»");
                }
                for (Box box : chart.boxes()) {
                    assertFalse(Math.abs(a.labelAt().y() - (box.y() + box.h() / 2)) < box.h() / 2 + 7
                            && Math.abs(a.labelAt().x() - (box.x() + box.w() / 2)) < (box.w() + ChartText.captionWidth(a.caption())) / 2,
                            bundle.id() + ": the caption «" + a.caption() + "» over " + box.id());
                }
            }
        }
    }

    @Test
    void aRankIsTheLongestDistanceFromTheStart() {
        SopBundle bundle = bundle("s", List.of(
                step("s", "q"),
                question("q", new SopOption("curto", "Atalho", "fim"), new SopOption("longo", "Caminho longo", "a")),
                step("a", "b"), step("b", "fim"), outcome("fim", Outcome.SOLVED)));
        SopChart chart = SopChart.of(bundle);
        assertEquals(List.of(0, 1, 2, 3, 4), List.of("s", "q", "a", "b", "fim").stream().map(id -> chart.box(id).rank()).toList());
        Edge shortcut = chart.edges().stream().filter(e -> e.to().equals("fim") && e.from().equals("q")).findFirst().orElseThrow();
        assertEquals("Atalho", shortcut.label());
        assertTrue(shortcut.points().size() > 4, "the shortcut goes round the ranks it skips: " + shortcut.points());
        Box a = chart.box("a");
        Box b = chart.box("b");
        for (Point p : shortcut.points().subList(1, shortcut.points().size() - 1)) {
            assertFalse(a.holds(p) || b.holds(p), "its waypoints stay out of the boxes beside it: " + p);
        }
        assertWellDrawn(bundle, chart);
    }

    @Test
    void theSameBundleGivesTheSameChart() {
        for (SopBundle bundle : seeds()) {
            SopChart once = SopChart.of(bundle);
            assertEquals(once, SopChart.of(bundle), bundle.id());
            SopBundle again = SopBundleJson.read(SopBundleJson.write(bundle));
            assertEquals(once, SopChart.of(again), bundle.id() + ", read again");
        }
    }

    @Test
    void optionsLeadingToTheSameNodeShareOneLineWithBothLabels() {
        SopBundle bundle = bundle("q", List.of(
                question("q", new SopOption("a", "Sim", "fim"), new SopOption("b", "Talvez", "fim"), new SopOption("c", "Não", "sobe")),
                outcome("fim", Outcome.SOLVED), outcome("sobe", Outcome.ESCALATE)));
        SopChart chart = SopChart.of(bundle);
        assertEquals(List.of("Sim / Talvez", "Não"), chart.edgesFrom("q").stream().map(Edge::label).toList());
        assertWellDrawn(bundle, chart);
    }

    @Test
    void crossingsAreUndoneWhereTheyNeedNotBe() {
        // listed so that the first order of the last rank crosses: a leads to y, b to x
        SopBundle bundle = bundle("q", List.of(
                question("q", new SopOption("1", "Um", "a"), new SopOption("2", "Dois", "b")),
                question("a", new SopOption("1", "Um", "y"), new SopOption("2", "Dois", "y2")),
                question("b", new SopOption("1", "Um", "x"), new SopOption("2", "Dois", "x2")),
                outcome("x", Outcome.SOLVED), outcome("x2", Outcome.SOLVED), outcome("y", Outcome.ESCALATE), outcome("y2", Outcome.ESCALATE)));
        SopChart chart = SopChart.of(bundle);
        assertTrue(chart.box("a").x() < chart.box("b").x());
        assertTrue(chart.box("y").right() < chart.box("x").x() && chart.box("y2").right() < chart.box("x").x(), "y and y2 under a, x under b");
        assertWellDrawn(bundle, chart);
    }

    @Test
    void aHostileTitleStaysDataAndIsWrappedInsideItsBox() {
        String markup = "<script>alert('x')</script> & <b>\"negrito\"</b>\n\t\u0007";
        String huge = "A".repeat(5_000) + " " + "palavra ".repeat(500);
        SopBundle bundle = bundle("s", List.of(step("s", "fim", markup), outcome("fim", Outcome.ESCALATE, huge)));
        SopChart chart = SopChart.of(bundle);
        assertWellDrawn(bundle, chart);
        Box step = chart.box("s");
        assertEquals("<script>alert('x')</script> & <b>\"negrito\"</b>", step.title(), "kept as text (the page escapes it); control characters gone");
        Box end = chart.box("fim");
        assertEquals(ChartText.MAX_LINES, end.lines().size());
        assertTrue(end.lines().get(ChartText.MAX_LINES - 1).text().endsWith("…"), "the cut is marked");
        assertTrue(end.h() < 200, "a long title does not stretch its box: " + end.h());
        assertEquals(ChartLayout.BOX_WIDTH, end.w());
    }

    @Test
    void aLongOptionLabelIsCutInItsCaptionButKeptWhole() {
        String label = "Sim, o cliente confirmou todos os dados do cadastro e do certificado";
        SopBundle bundle = bundle("q", List.of(question("q", new SopOption("s", label, "fim"), new SopOption("n", "Não", "fim2")),
                outcome("fim", Outcome.SOLVED), outcome("fim2", Outcome.RESTART)));
        Edge edge = SopChart.of(bundle).edgesFrom("q").get(0);
        assertEquals(label, edge.label());
        assertEquals(ChartText.CAPTION_CHARS, edge.caption().length());
        assertTrue(edge.caption().endsWith("…"));
    }

    @Test
    void aDraftWithALoopAndUnreachableNodesIsStillDrawn() {
        SopBundle bundle = bundle("s", List.of(
                step("s", "q"),
                question("q", new SopOption("de-novo", "De novo", "s"), new SopOption("fim", "Acabou", "fim"), new SopOption("eu", "Eu", "q")),
                outcome("fim", Outcome.SOLVED),
                step("solto", "outro-solto"), step("outro-solto", "fim"), step("sem-destino", "nao-existe")));
        SopChart chart = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> SopChart.of(bundle));
        assertWellDrawn(bundle, chart);
        int last = chart.boxes().stream().mapToInt(Box::rank).max().orElseThrow();
        for (String id : List.of("solto", "outro-solto", "sem-destino")) {
            assertFalse(chart.box(id).reachable(), id);
            assertEquals(last, chart.box(id).rank(), id + " in the last rank");
        }
        assertTrue(chart.box("fim").reachable());
        assertFalse(chart.allReachable());
        assertTrue(chart.box("fim").rank() < last);
        Map<String, Edge> fromQ = chart.edgesFrom("q").stream().collect(Collectors.toMap(Edge::to, e -> e));
        assertTrue(fromQ.get("s").backward(), "the loop back to the start runs upwards");
        assertTrue(fromQ.get("q").backward(), "a node linked to itself");
        assertFalse(fromQ.get("fim").backward());
        assertTrue(chart.edgesFrom("outro-solto").get(0).backward(), "from an unreachable node up to a reachable one");
    }

    @Test
    void aBundleWhoseStartIsMissingPutsEveryNodeInOneRank() {
        SopBundle bundle = bundle("nenhum", List.of(step("a", "b"), outcome("b", Outcome.FOLLOW)));
        SopChart chart = SopChart.of(bundle);
        assertWellDrawn(bundle, chart);
        assertTrue(chart.boxes().stream().noneMatch(Box::reachable));
        assertEquals(Set.of(0), chart.boxes().stream().map(Box::rank).collect(Collectors.toSet()));
    }

    @Test
    void wrappingKeepsWordsWholeAndBreaksOnlyWhatCannotFit() {
        assertEquals(List.of("O cliente tem o", "certificado A1?"), ChartText.wrap("O cliente tem o certificado A1?", 16, 4));
        assertEquals(List.of("abcdef", "ghij"), ChartText.wrap("abcdefghij", 6, 4));
        assertEquals(List.of("um dois", "três…"), ChartText.wrap("um dois três quatro cinco", 7, 2));
        assertEquals(List.of(), ChartText.wrap("  \n ", 10, 3));
        assertNotNull(ChartText.wrap(null, 10, 3));
    }

    // --- bundles for the cases the seeds do not have ---

    static SopBundle bundle(String start, List<SopNode> nodes) {
        return new SopBundle("teste", 1, "999", "Teste", null, null, null, start, new ArrayList<>(nodes), null, null, null, null);
    }

    static SopNode step(String id, String next) {
        return step(id, next, "Passo " + id);
    }

    static SopNode step(String id, String next, String title) {
        return new SopNode(id, Kind.STEP, title, "", null, next, null, null);
    }

    static SopNode question(String id, SopOption... options) {
        return new SopNode(id, Kind.QUESTION, "Pergunta " + id, "", null, null, List.of(options), null);
    }

    static SopNode outcome(String id, Outcome outcome) {
        return outcome(id, outcome, "Fim " + id);
    }

    static SopNode outcome(String id, Outcome outcome, String title) {
        return new SopNode(id, Kind.OUTCOME, title, "", null, null, null, outcome);
    }
}
