package br.com.sopdesk.insight.boundary;

import br.com.sopdesk.insight.control.WalkInsights;
import br.com.sopdesk.sop.control.SopCatalog;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Binds where one SOP's walks were abandoned, node by node in path order, as a chart and as the
 * table of its figures (a chart is no text for a screen reader). Read by {@link InsightsView} with
 * the rest of the page; empty while every SOP is chosen.
 */
@Named
@ViewScoped
public class AbandonFunnel implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WalkInsights insights;

    @EJB
    SopCatalog catalog;

    private List<WalkInsights.NodeCount> nodes = List.of();
    private String chart;
    private boolean shown;

    /** The funnel of {@code sopId} over the period; nothing when {@code sopId} is null. */
    void load(String sopId, WalkInsights.Period period, Instant now) {
        var latest = sopId == null ? null : catalog.latest(sopId).orElse(null);
        shown = latest != null;
        nodes = shown ? insights.abandonedAt(period, latest, now) : List.of();
        chart = nodes.isEmpty() ? null : FunnelChart.of(nodes, text("insights.funnel.walks"));
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    /** Whether one SOP is chosen (the funnel's section shows, with a line when no walk was abandoned). */
    public boolean isShown() {
        return shown;
    }

    public List<WalkInsights.NodeCount> getNodes() {
        return nodes;
    }

    /** Chart.js configuration for p:chart: abandoned walks per last node, in path order. */
    public String getChart() {
        return chart;
    }
}
