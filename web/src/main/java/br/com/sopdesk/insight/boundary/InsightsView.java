package br.com.sopdesk.insight.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.insight.control.WalkFigures;
import br.com.sopdesk.insight.control.WalkInsights;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds what the SOPs achieve for the period and SOP chosen ({@link InsightsFilter}): the figures of
 * each SOP and the escalations per category, read by the page's view action (once its parameters
 * are applied) and on "Mostrar", never while rendering; the funnel of one SOP is read by {@link AbandonFunnel} at the same time.
 */
@Named
@ViewScoped
public class InsightsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    WalkInsights insights;

    @EJB
    Categories categories;

    @Inject
    InsightsFilter filter;

    @Inject
    AbandonFunnel funnel;

    @Inject
    Clock clock;

    private List<WalkFigures> figures = List.of();
    private List<WalkInsights.CategoryShare> shares = List.of();
    private Map<String, String> categoryNames = Map.of();

    @PostConstruct
    void load() {
        categoryNames = categories.all().stream().collect(Collectors.toMap(Category::getCode, Category::getName, (a, b) -> a));
    }

    /** Reads the figures again for the period and SOP chosen. */
    public void refresh() {
        Instant now = clock.instant();
        var period = filter.period(now);
        if (period.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("insights.period.invalid");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
            return;
        }
        var overview = insights.overview(period.get(), filter.getSop(), now);
        figures = overview.figures();
        shares = overview.categories();
        funnel.load(filter.oneSop() ? filter.getSop() : null, period.get(), now);
    }

    public List<WalkFigures> getFigures() {
        return figures;
    }

    public List<WalkInsights.CategoryShare> getCategories() {
        return shares;
    }

    /** The category's name in SOP Desk, or empty when SOP Desk has none by that code. */
    public String categoryName(String code) {
        return categoryNames.getOrDefault(code, "");
    }
}
