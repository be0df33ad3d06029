package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SOP the guided page is about: the latest version of the one named in the URL ({@code ?id=}),
 * read once when the page opens, and the names of its Qualitor categories. The other beans of the page
 * (the walk, the forms, the switch) read the SOP from here. A retired SOP sends the agent to the search.
 */
@Named
@ViewScoped
public class SopPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SopCatalog catalog;

    @EJB
    Categories categories;

    private String sopId;
    private SopBundle bundle;
    /** Category code → name, for every classification the SOP's tickets may get. */
    private Map<String, String> categoryNames = Map.of();

    /**
     * View action: loads the SOP (a 404 when there is none) and records that this agent used it. A
     * retired SOP is not walked: the agent lands on the search, which says so (keeping the customer
     * and demand the link carried).
     */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (sopId != null && catalog.retired(sopId)) {
            ExternalContext ext = faces.getExternalContext();
            StringBuilder to = new StringBuilder(ext.getRequestContextPath()).append("/app/index.xhtml?retired=").append(encode(sopId));
            for (String carried : List.of("cnpj", "chamado")) {
                String value = ext.getRequestParameterMap().get(carried);
                if (value != null && !value.isBlank()) {
                    to.append('&').append(carried).append('=').append(encode(value));
                }
            }
            ext.redirect(to.toString());
            faces.responseComplete();
            return;
        }
        bundle = sopId == null ? null : catalog.latest(sopId).orElse(null);
        if (bundle == null) {
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("walk.notFound");
            faces.getExternalContext().responseSendError(404, MessageFormat.format(text, sopId));
            faces.responseComplete();
            return;
        }
        Map<String, String> names = new HashMap<>();
        bundle.classifications().values().stream().map(QualitorMapping::category).filter(Objects::nonNull).distinct()
                .forEach(code -> names.put(code, categories.find(code).map(Category::getName).orElse("")));
        categoryNames = names;
        catalog.recordUse(faces.getExternalContext().getRemoteUser(), bundle.id());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Starts another customer on the same SOP: a fresh page, with nothing of the call before. */
    public String newCall() {
        return "/app/sop?faces-redirect=true&id=" + bundle.id();
    }

    public SopBundle getBundle() {
        return bundle;
    }

    /** The name of one of the SOP's Qualitor categories, shown beside its code (read-only: it comes from the SOP). */
    public String categoryName(String code) {
        return code == null ? "" : categoryNames.getOrDefault(code, "");
    }

    public String getSopId() {
        return sopId;
    }

    public void setSopId(String sopId) {
        this.sopId = sopId;
    }
}
