package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.control.SopDrafts;
import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.SopLimits;
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
 * An administrator previews a draft here too, walking it exactly as an agent would.
 */
@Named
@ViewScoped
public class SopPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SopCatalog catalog;

    @EJB
    Categories categories;

    @EJB
    SopDrafts drafts;

    private String sopId;
    /** A draft an administrator previews ({@code ?rascunho=}): walked exactly as agents would, nothing saved or sent. */
    private Long draftId;
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
        if (draftId != null) {
            preview(faces);
            return;
        }
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
        categoryNames();
        catalog.recordUse(faces.getExternalContext().getRemoteUser(), bundle.id());
    }

    /**
     * Loads a draft for its preview: administrators only (403), and only a draft the rules accept
     * (a draft with problems cannot be walked: 404 with the reason), as publishing would.
     */
    private void preview(FacesContext faces) throws IOException {
        ExternalContext ext = faces.getExternalContext();
        if (!ext.isUserInRole("admin")) {
            ext.responseSendError(403, null);
            faces.responseComplete();
            return;
        }
        SopBundle draft = drafts.find(draftId).map(d -> SopDrafts.form(d).toBundle()).orElse(null);
        if (draft == null || !BundleCheck.problems(draft, SopLimits.configured()).isEmpty()) {
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString("walk.preview.notFound");
            ext.responseSendError(404, MessageFormat.format(text, draftId));
            faces.responseComplete();
            return;
        }
        bundle = draft;
        categoryNames();
    }

    private void categoryNames() {
        Map<String, String> names = new HashMap<>();
        bundle.classifications().values().stream().map(QualitorMapping::category).filter(Objects::nonNull).distinct()
                .forEach(code -> names.put(code, categories.find(code).map(Category::getName).orElse("")));
        categoryNames = names;
    }

    /** Whether this is an administrator's preview of a draft: the walk is the agents', nothing is saved or sent. */
    public boolean isPreview() {
        return draftId != null && bundle != null;
    }

    public Long getDraftId() {
        return draftId;
    }

    public void setDraftId(Long draftId) {
        this.draftId = draftId;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Starts another customer on the same SOP: a fresh page, with nothing of the call before. */
    public String newCall() {
        return "/app/sop?faces-redirect=true&" + (isPreview() ? "rascunho=" + draftId : "id=" + bundle.id());
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
