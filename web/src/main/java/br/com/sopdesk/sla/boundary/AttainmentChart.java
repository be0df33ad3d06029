package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.sla.control.SlaBoard;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The dashboard's attainment chart as Chart.js configuration for {@code p:chart}: clocks due each day, met on time against breached. */
final class AttainmentChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private AttainmentChart() {
    }

    static String of(List<SlaBoard.Day> days, String onTimeLabel, String breachedLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder onTime = Json.createArrayBuilder();
        JsonArrayBuilder breached = Json.createArrayBuilder();
        for (SlaBoard.Day d : days) {
            labels.add(d.day().format(DAY) + " (" + d.percent() + "%)");
            onTime.add(d.onTime());
            breached.add(d.breached());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", onTimeLabel).add("data", onTime).add("backgroundColor", "#2e7d32"))
                                .add(Json.createObjectBuilder().add("label", breachedLabel).add("data", breached).add("backgroundColor", "#c62828"))))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
