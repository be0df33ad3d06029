package br.com.sopdesk.insight.boundary;

import br.com.sopdesk.insight.control.WalkInsights;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** Where one SOP's walks were abandoned as Chart.js configuration for {@code p:chart}: a horizontal bar per node, in path order. */
final class FunnelChart {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private FunnelChart() {
    }

    static String of(List<WalkInsights.NodeCount> nodes, String walksLabel) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder walks = JSON.createArrayBuilder();
        for (WalkInsights.NodeCount n : nodes) {
            labels.add(n.title() == null ? n.nodeId() : n.title());
            walks.add(n.walks());
        }
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("label", walksLabel).add("data", walks).add("backgroundColor", "#c62828"))))
                .add("options", JSON.createObjectBuilder()
                        .add("indexAxis", "y")
                        .add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder()
                                .add("x", JSON.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", JSON.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
