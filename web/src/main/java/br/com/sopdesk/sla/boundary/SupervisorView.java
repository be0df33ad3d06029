package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.event.ToggleEvent;
import org.primefaces.model.Visibility;

/**
 * Binds the supervisor's SLA dashboard: the clocks in the chosen standing and filters with their
 * counts, the deliveries to check (failed or uncertain) and the attainment chart. All of it is read
 * when the page opens and again on each poll, filter change or action ({@link #refresh}), never
 * while rendering; a clock's timeline is read when its row is opened. Times are shown in
 * {@code sopdesk.sla.zone}.
 */
@Named
@ViewScoped
public class SupervisorView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM HH:mm");
    private static final List<String> COUNTED = List.of("AT_RISK", "BREACHED", "MET", "PAUSED");

    @EJB
    SlaBoard board;

    @Inject
    SlaSettings settings;

    @Inject
    SlaFilter filter;

    @Inject
    SlaAlertsView alerts;

    @Inject
    Clock time;

    // entities, not serializable: what the last refresh read, for this view only
    private transient List<SlaClock> clocks = List.of();
    private transient List<SlaBoard.Trouble> troubles = List.of();
    private transient Map<Long, List<SlaEvent>> timelines = new HashMap<>();
    private Map<String, Long> counts = Map.of();
    private String attainmentChart;
    private transient List<SlaBoard.Day> attainment = List.of();

    @PostConstruct
    void load() {
        refresh();
    }

    /** Reads the dashboard again for the filters chosen, so the page shows the database as it is now. */
    public void refresh() {
        Instant now = time.instant();
        clocks = board.clocks(filter.clocks(), now);
        Map<String, Long> counted = new HashMap<>();
        COUNTED.forEach(s -> counted.put(s, board.count(filter.standing(s), now)));
        counts = counted;
        troubles = board.troubledDeliveries(filter.anyStanding(), 50);
        attainment = board.attainment(14, filter.anyStanding(), now);
        attainmentChart = AttainmentChart.of(attainment, BoardMessages.text("sla.chart.onTime"), BoardMessages.text("sla.chart.breached"));
        timelines = new HashMap<>();
        alerts.refresh();
    }

    /** Another standing chosen: only the list of clocks changes (the counts are for every standing). */
    public void standingChosen() {
        clocks = board.clocks(filter.clocks(), time.instant());
    }

    /** A clock's row opened: reads its timeline for the expansion. */
    public void toggled(ToggleEvent event) {
        if (event.getVisibility() == Visibility.VISIBLE && event.getData() instanceof SlaClock clock) {
            timelines.put(clock.getId(), board.timeline(clock.getId()));
        }
    }

    public List<SlaEvent> timeline(SlaClock clock) {
        return timelines == null ? List.of() : timelines.getOrDefault(clock.getId(), List.of());
    }

    public List<SlaClock> getClocks() {
        return clocks;
    }

    public long count(String standing) {
        return counts.getOrDefault(standing, 0L);
    }

    /** Deliveries that failed or may not have arrived, for the chosen team, SOP and agent. */
    public List<SlaBoard.Trouble> getTroubles() {
        return troubles;
    }

    /** Chart.js configuration for p:chart: clocks due each day, met on time against breached. */
    public String getAttainmentChart() {
        return attainmentChart;
    }

    /** The chart's figures, which the page also shows as a table (a chart is no text for a screen reader). */
    public List<SlaBoard.Day> getAttainment() {
        return attainment;
    }

    /** The dashboard's time zone as the reader names it, e.g. "Horário de Brasília". */
    public String getZoneName() {
        return settings.zone().getDisplayName(TextStyle.FULL, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** The zone's identifier ({@code sopdesk.sla.zone}), e.g. America/Sao_Paulo. */
    public String getZoneId() {
        return settings.zone().getId();
    }

    /** A time in the dashboard's zone ({@code sopdesk.sla.zone}). */
    public String shown(Instant at) {
        return at == null ? "—" : SHOWN.format(at.atZone(settings.zone()));
    }

    /** Time left (or past, with a minus sign) in hours and minutes. */
    public String remaining(SlaClock clock) {
        long minutes = clock.remaining(time.instant()).toMinutes();
        String sign = minutes < 0 ? "−" : "";
        minutes = Math.abs(minutes);
        return sign + (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min";
    }

    public String standingOf(SlaClock clock) {
        return clock.standing(time.instant()).name();
    }
}
