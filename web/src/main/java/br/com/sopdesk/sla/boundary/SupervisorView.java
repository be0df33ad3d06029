package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.demand.control.DemandActions;
import br.com.sopdesk.demand.entity.DemandAction;
import br.com.sopdesk.sla.control.SlaBoard;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.ticket.control.InvalidSubmissionException;
import br.com.sopdesk.ticket.control.TicketService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Binds the supervisor's SLA dashboard: the clocks in the chosen standing and filters (refreshed
 * by a poll), the alerts waiting for acknowledgement and the deliveries to check (failed or
 * uncertain) for the same filters, the attainment chart, acknowledging an alert and reiterating a
 * demand. Times are shown in {@code sopdesk.sla.zone}.
 */
@Named
@ViewScoped
public class SupervisorView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    @EJB
    SlaBoard board;

    @EJB
    SlaClocks clocks;

    @Inject
    SlaSettings settings;

    @EJB
    DemandActions demands;

    @EJB
    TicketService tickets;

    private String standing = "AT_RISK";
    private String team;
    private String sop;
    private String agent;
    private Long selectedAlert;
    private Long selectedClock;
    private String comment;
    private String reason;

    private SlaBoard.Filter filter(String s) {
        return new SlaBoard.Filter(s, team, sop, agent);
    }

    /** What the last refresh read; read again on the next poll, filter change or action. */
    private transient List<SlaClock> clocksRead;
    private transient List<SlaAlert> alertsRead;
    private transient List<SlaBoard.Trouble> troublesRead;
    private transient java.util.Map<String, Long> counts;

    /** Forgets what was read, so the page shows the database as it is now. */
    public void refresh() {
        clocksRead = null;
        alertsRead = null;
        troublesRead = null;
        counts = null;
    }

    public List<SlaClock> getClocks() {
        if (clocksRead == null) {
            clocksRead = board.clocks(filter(standing), Instant.now());
        }
        return clocksRead;
    }

    public long count(String s) {
        if (counts == null) {
            counts = new java.util.HashMap<>();
        }
        return counts.computeIfAbsent(s, k -> board.count(filter(k), Instant.now()));
    }

    public List<SlaAlert> getOpenAlerts() {
        if (alertsRead == null) {
            alertsRead = board.alerts(true, filter(null), 100);
        }
        return alertsRead;
    }

    /** Deliveries that failed or may not have arrived, for the chosen team, SOP and agent. */
    public List<SlaBoard.Trouble> getTroubles() {
        if (troublesRead == null) {
            troublesRead = board.troubledDeliveries(filter(null), 50);
        }
        return troublesRead;
    }

    /** The dashboard's time zone as the reader names it, e.g. "Horário de Brasília". */
    public String getZoneName() {
        return settings.zone().getDisplayName(java.time.format.TextStyle.FULL, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** The zone's identifier ({@code sopdesk.sla.zone}), e.g. America/Sao_Paulo. */
    public String getZoneId() {
        return settings.zone().getId();
    }

    public List<SlaEvent> timeline(SlaClock clock) {
        return board.timeline(clock.getId());
    }

    /** Chart.js configuration for p:chart: clocks due each day, met on time against breached. */
    public String getAttainmentChart() {
        List<SlaBoard.Day> days = board.attainment(14, filter(null), Instant.now());
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder onTime = Json.createArrayBuilder();
        JsonArrayBuilder breached = Json.createArrayBuilder();
        for (SlaBoard.Day d : days) {
            labels.add(d.day().format(DateTimeFormatter.ofPattern("dd/MM")) + " (" + d.percent() + "%)");
            onTime.add(d.onTime());
            breached.add(d.breached());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("label", text("sla.chart.onTime")).add("data", onTime).add("backgroundColor", "#2e7d32"))
                                .add(Json.createObjectBuilder().add("label", text("sla.chart.breached")).add("data", breached).add("backgroundColor", "#c62828"))))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    public void chooseAlert(SlaAlert alert) {
        selectedAlert = alert.getId();
        comment = null;
    }

    public void chooseClock(SlaClock clock) {
        selectedClock = clock.getId();
        reason = null;
    }

    public void acknowledge() {
        try {
            clocks.acknowledge(selectedAlert, user(), comment);
            info(text("sla.ack.done"));
            refresh();
            selectedAlert = null;
        } catch (EJBException e) {
            fail(SlaTexts.message(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(SlaTexts.message(e));
        }
    }

    public void reiterate() {
        SlaClock clock = board.clock(selectedClock).orElse(null);
        if (clock == null) {
            return;
        }
        try {
            int version = tickets.find(clock.getSubject().getTicketId()).map(t -> t.getSopVersion()).orElse(0);
            DemandAction action = demands.reiterateFromBoard(clock.getDemandNumber(), reason, user(), clock.getSubject().getSopId(), version);
            DemandAction sent = demands.send(action.getId());
            if (sent.getLastError() == null) {
                info(text("sla.reiterate.done") + " " + clock.getDemandNumber());
                refresh();
                selectedClock = null;
            } else {
                fail(sent.getLastError());
            }
        } catch (InvalidSubmissionException e) {
            fail(String.join(" ", e.fieldErrors().values()));
        } catch (EJBException e) {
            fail(e.getCause() instanceof InvalidSubmissionException i ? String.join(" ", i.fieldErrors().values()) : String.valueOf(e.getMessage()));
        }
    }

    /** A time in the dashboard's zone ({@code sopdesk.sla.zone}). */
    public String shown(Instant at) {
        return at == null ? "—" : SHOWN.format(at.atZone(settings.zone()));
    }

    /** Time left (or past, with a minus sign) in hours and minutes. */
    public String remaining(SlaClock clock) {
        Duration d = clock.remaining(Instant.now());
        long minutes = d.toMinutes();
        String sign = minutes < 0 ? "−" : "";
        minutes = Math.abs(minutes);
        return sign + (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min";
    }

    public String standingOf(SlaClock clock) {
        return clock.standing(Instant.now()).name();
    }

    public List<String> getTeams() {
        return board.teams();
    }

    public List<String> getAgents() {
        return board.agents();
    }

    public List<String> getSops() {
        return board.sops();
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void fail(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    public String getStanding() {
        return standing;
    }

    public void setStanding(String standing) {
        this.standing = standing;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getSop() {
        return sop;
    }

    public void setSop(String sop) {
        this.sop = sop;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getSelectedAlert() {
        return selectedAlert;
    }

    public Long getSelectedClock() {
        return selectedClock;
    }
}
