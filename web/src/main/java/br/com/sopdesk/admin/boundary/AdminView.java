package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the administration page: categories and publishing SOP versions (users and audit have their
 * own pages; comparing and retiring SOPs have their own beans). The lists are read when the page
 * opens and again after each change.
 */
@Named
@ViewScoped
public class AdminView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    @EJB
    Categories categories;

    @EJB
    SopCatalog catalog;

    @Inject
    SlaSettings sla;

    private String bundleJson;
    private String newCode;
    private String newName;
    private List<SopBundle> sops = List.of();
    private Map<String, List<String>> usage = Map.of();
    private Set<String> retired = Set.of();
    // entities, not serializable: what the last reading found, for this view only
    private transient List<Category> categoryList = List.of();

    /** Reads the lists (when the page opens, and after a change made here or by the page's other beans). */
    @PostConstruct
    public void load() {
        categoryList = categories.all();
        sops = catalog.latest();
        usage = SopCatalog.categoryUsage(sops);
        retired = catalog.retiredIds();
    }

    /** Whether the SOP is retired (out of the agents' search), as read when the list was. */
    public boolean isRetired(SopBundle sop) {
        return retired.contains(sop.id());
    }

    public List<Category> getCategories() {
        return categoryList;
    }

    public List<SopBundle> getSops() {
        return sops;
    }

    /** The SOPs (latest versions) that classify their tickets with this category, e.g. "perda-de-senha". */
    public String usedBy(Category category) {
        return String.join(", ", usage.getOrDefault(category.getCode(), List.of("—")));
    }

    public void saveCategory(Category category) {
        save(category.getCode(), category.getName(), category.isActive());
    }

    /**
     * (De)activates the category. Deactivating one that SOPs in service classify their tickets with
     * is allowed (an administrator may mean it), and the page says which SOPs will be refused a ticket.
     */
    public void toggle(Category category) {
        boolean deactivating = category.isActive();
        if (save(category.getCode(), category.getName(), !category.isActive()) && deactivating) {
            List<String> inService = usage.getOrDefault(category.getCode(), List.of()).stream().filter(id -> !retired.contains(id)).toList();
            if (!inService.isEmpty()) {
                FacesContext faces = FacesContext.getCurrentInstance();
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MessageFormat.format(text(faces, "admin.category.inUse"),
                        category.getCode(), String.join(", ", inService)), null));
            }
        }
    }

    /** When Qualitor's name for the category was read, in the desk's zone, e.g. "05/12/2026 14:03". */
    public String qualitorNameAt(Category category) {
        return category.getQualitorNameAt() == null ? "" : SHOWN.format(category.getQualitorNameAt().atZone(sla.zone()));
    }

    public void createCategory() {
        if (save(newCode, newName, true)) {
            newCode = null;
            newName = null;
        }
    }

    private boolean save(String code, String name, boolean active) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            categories.save(code, name, active, faces.getExternalContext().getRemoteUser());
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "admin.saved"), code)));
            load();
            return true;
        } catch (IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, UserFacing.textOf(e).in(faces.getViewRoot().getLocale()), null));
            return false;
        }
    }

    /** Loads a SOP's latest bundle into the editor as its next version, to change and publish. */
    public void edit(SopBundle sop) {
        bundleJson = catalog.text(sop.id(), sop.version()).orElse("")
                .replaceFirst("(\"version\"\\s*:\\s*)" + sop.version(), "$1" + (sop.version() + 1));
    }

    public void publish() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SopBundle published = catalog.publish(bundleJson, faces.getExternalContext().getRemoteUser());
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "admin.published"), published.id(), published.version())));
            bundleJson = null;
            load();
        } catch (InvalidBundleException e) {
            e.problems().forEach(p -> faces.addMessage("admin:bundle",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, p.in(faces.getViewRoot().getLocale()), null)));
            faces.validationFailed();
        }
    }

    private static String text(FacesContext faces, String key) {
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public String getBundleJson() {
        return bundleJson;
    }

    public void setBundleJson(String bundleJson) {
        this.bundleJson = bundleJson;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
