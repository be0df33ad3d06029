package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.sla.control.SlaBoard;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The dashboard's attainment chart as Chart.js configuration for {@code p:chart}: clocks due each day, met on time against breached. */
final class AttainmentChart {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private AttainmentChart() {
    }

    static String of(List<SlaBoard.Day> days, String onTimeLabel, String breachedLabel) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder onTime = JSON.createArrayBuilder();
        JsonArrayBuilder breached = JSON.createArrayBuilder();
        for (SlaBoard.Day d : days) {
            labels.add(d.day().format(DAY) + " (" + d.percent() + "%)");
            onTime.add(d.onTime());
            breached.add(d.breached());
        }
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("label", onTimeLabel).add("data", onTime).add("backgroundColor", "#2e7d32"))
                                .add(JSON.createObjectBuilder().add("label", breachedLabel).add("data", breached).add("backgroundColor", "#c62828"))))
                .add("options", JSON.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder()
                                .add("x", JSON.createObjectBuilder().add("stacked", true))
                                .add("y", JSON.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", JSON.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
