package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.sop.control.InvalidBundleException;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;

/** Binds the administration page: categories and publishing SOP versions (users and audit have their own pages). */
@Named
@ViewScoped
public class AdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Categories categories;

    @EJB
    SopCatalog catalog;

    private String bundleJson;
    private String newCode;
    private String newName;
    /** Category usage for the current rendering; read again after any change. */
    private transient Map<String, List<String>> usage;

    public List<Category> getCategories() {
        return categories.all();
    }

    public List<SopBundle> getSops() {
        return catalog.latest();
    }

    /** The SOPs (latest versions) that classify their tickets with this category, e.g. "perda-de-senha". */
    public String usedBy(Category category) {
        if (usage == null) {
            usage = catalog.categoryUsage();
        }
        return String.join(", ", usage.getOrDefault(category.getCode(), List.of("—")));
    }

    public void saveCategory(Category category) {
        save(category.getCode(), category.getName(), category.isActive());
    }

    public void toggle(Category category) {
        save(category.getCode(), category.getName(), !category.isActive());
    }

    public void createCategory() {
        if (save(newCode, newName, true)) {
            newCode = null;
            newName = null;
        }
    }

    private boolean save(String code, String name, boolean active) {
        usage = null;
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            categories.save(code, name, active, faces.getExternalContext().getRemoteUser());
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "admin.saved"), code)));
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
        usage = null;
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            SopBundle published = catalog.publish(bundleJson, faces.getExternalContext().getRemoteUser());
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "admin.published"), published.id(), published.version())));
            bundleJson = null;
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
