package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.control.SopChart;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the flow-chart composite ({@code resources/sopdesk/sopChart.xhtml}) asks while it renders:
 * the chart of a bundle, laid out once and kept for the renders after (the pages ask for it many
 * times in one render, and every Ajax update renders it again), and which boxes and lines the
 * highlighted path covers.
 */
@Named
@ApplicationScoped
public class SopCharts {

    private static final int KEPT = 64;

    private final Map<SopBundle, SopChart> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<SopBundle, SopChart> eldest) {
            return size() > KEPT;
        }
    });

    /** The chart of {@code bundle} (null for none). */
    public SopChart of(SopBundle bundle) {
        return bundle == null ? null : recent.computeIfAbsent(bundle, SopChart::of);
    }

    /** The ids of a walk's path, in order: the {@code highlight} of the agent's overview. */
    public List<String> ids(List<SopNode> path) {
        return path == null ? List.of() : path.stream().map(SopNode::id).toList();
    }

    /** Whether node {@code id} is on the highlighted path. */
    public boolean on(Collection<?> highlight, String id) {
        return highlight != null && highlight.contains(id);
    }

    /**
     * Whether the path took {@code edge}: in a path given in order (a list), its two nodes follow
     * each other; in a plain set of nodes, both are in it.
     */
    public boolean walked(Collection<?> highlight, SopChart.Edge edge) {
        if (highlight instanceof List<?> path) {
            int from = path.indexOf(edge.from());
            return from >= 0 && from + 1 < path.size() && edge.to().equals(path.get(from + 1));
        }
        return on(highlight, edge.from()) && on(highlight, edge.to());
    }

    /** A client id as the id of an SVG element a {@code url(#...)} can point to. */
    public String domId(String clientId) {
        return clientId == null ? "sop-chart" : clientId.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
