package br.com.sopdesk.sop.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sop.control.SopChart;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import br.com.sopdesk.sop.entity.SopOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chart composite's questions: a line is highlighted only when the walk took it (a question
 * leading to a node both directly and through a step is not lit twice), and a bundle is laid out once.
 */
class SopChartsTest {

    private final SopCharts charts = new SopCharts();

    /** q leads to "fim" directly ("Já") and through the step "s" ("Depois"). */
    private static SopBundle bundle() {
        return new SopBundle("teste", 1, "999", "Teste", null, null, null, "q", List.of(
                new SopNode("q", SopNode.Kind.QUESTION, "Pergunta", "", null, null,
                        List.of(new SopOption("ja", "Já", "fim"), new SopOption("depois", "Depois", "s")), null),
                new SopNode("s", SopNode.Kind.STEP, "Passo", "", null, "fim", null, null),
                new SopNode("fim", SopNode.Kind.OUTCOME, "Fim", "", null, null, null, SopNode.Outcome.SOLVED)),
                null, null, null, null);
    }

    private static SopChart.Edge edge(SopChart chart, String from, String to) {
        return chart.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst().orElseThrow();
    }

    @Test
    void aPathInOrderLightsOnlyTheLinesItTook() {
        SopChart chart = charts.of(bundle());
        List<String> path = List.of("q", "s", "fim");
        assertTrue(charts.walked(path, edge(chart, "q", "s")));
        assertTrue(charts.walked(path, edge(chart, "s", "fim")));
        assertFalse(charts.walked(path, edge(chart, "q", "fim")), "both ends are on the path, but the walk went through the step");
        assertTrue(charts.walked(Set.of("q", "fim"), edge(chart, "q", "fim")), "a plain set lights a line between two of its nodes");
        assertFalse(charts.walked(null, edge(chart, "q", "fim")));
        assertTrue(charts.on(path, "s"));
        assertFalse(charts.on(null, "s"));
    }

    @Test
    void aBundleIsLaidOutOnceAndClientIdsBecomeSvgIds() {
        assertSame(charts.of(bundle()), charts.of(bundle()), "an equal bundle finds the chart laid out before");
        assertNull(charts.of(null));
        assertEquals("walk-sop-chart", charts.domId("walk:sop-chart"));
        assertEquals(List.of("q"), charts.ids(List.of(bundle().node("q"))));
    }
}
