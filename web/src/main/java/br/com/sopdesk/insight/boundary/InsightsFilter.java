package br.com.sopdesk.insight.boundary;

import br.com.sopdesk.insight.control.WalkInsights;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The choice on the insights page: the period (the last 7, 30 or 90 days, or from one date to
 * another, days in {@code sopdesk.sla.zone}) and the SOP (all, or one). The SOPs offered, retired
 * ones included, are read once when the page opens.
 */
@Named
@ViewScoped
public class InsightsFilter implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The longest period chosen by dates: the records are kept about a year. */
    static final int MAX_DAYS = 366;

    @EJB
    SopCatalog catalog;

    @Inject
    SlaSettings settings;

    @Inject
    Clock clock;

    private String range = "30";
    private LocalDate from;
    private LocalDate to;
    private String sop = "";
    private Map<String, String> titles = Map.of();

    @PostConstruct
    void load() {
        Map<String, String> read = new LinkedHashMap<>();
        catalog.latest().stream().sorted(java.util.Comparator.comparing(SopBundle::title)).forEach(b -> read.put(b.id(), b.title()));
        titles = read;
        LocalDate today = clock.instant().atZone(settings.zone()).toLocalDate();
        from = today.minusDays(29);
        to = today;
    }

    /** The period chosen, ending now for the last days; empty when the dates do not make one (the page says why). */
    Optional<WalkInsights.Period> period(Instant now) {
        if (!"dates".equals(range)) {
            int days = Integer.parseInt(range.matches("7|30|90") ? range : "30");
            return Optional.of(new WalkInsights.Period(now.minus(Duration.ofDays(days)), now.plusSeconds(1)));
        }
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            return Optional.empty();
        }
        ZoneId zone = settings.zone();
        return Optional.of(new WalkInsights.Period(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    /** The SOP's title, or its id when it has none by that id any more. */
    public String title(String sopId) {
        return titles.getOrDefault(sopId, sopId);
    }

    boolean oneSop() {
        return sop != null && !sop.isBlank();
    }

    public Map<String, String> getTitles() {
        return titles;
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = range != null && range.matches("7|30|90|dates") ? range : "30";
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getSop() {
        return sop;
    }

    public void setSop(String sop) {
        this.sop = sop == null ? "" : sop;
    }
}
