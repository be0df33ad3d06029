package br.com.sopdesk.insight.boundary;

import br.com.sopdesk.insight.control.WalkInsights;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** Where one SOP's walks were abandoned as Chart.js configuration for {@code p:chart}: a horizontal bar per node, in path order. */
final class FunnelChart {

    private FunnelChart() {
    }

    static String of(List<WalkInsights.NodeCount> nodes, String walksLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder walks = Json.createArrayBuilder();
        for (WalkInsights.NodeCount n : nodes) {
            labels.add(n.title() == null ? n.nodeId() : n.title());
            walks.add(n.walks());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", walksLabel).add("data", walks).add("backgroundColor", "#c62828"))))
                .add("options", Json.createObjectBuilder()
                        .add("indexAxis", "y")
                        .add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
