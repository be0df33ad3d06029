package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sop.entity.FieldSpec;
import br.com.sopdesk.sop.entity.SopNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The SOP editor's menus, read once when the page opens: SOP Desk's active categories by name (with
 * the name Qualitor gives the code, when known), the SLA policies, and the kinds, outcomes and field
 * types of the bundle format.
 */
@Named
@ViewScoped
public class SopEditorChoices implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Categories categories;

    @EJB
    SlaClocks clocks;

    private List<SelectItem> activeCategories = List.of();
    private List<SelectItem> policies = List.of();

    @PostConstruct
    void load() {
        List<SelectItem> items = new ArrayList<>();
        for (Category c : categories.all()) {
            if (c.isActive()) {
                String qualitor = c.getQualitorName() == null ? "" : " (Qualitor: " + c.getQualitorName() + ")";
                items.add(new SelectItem(c.getCode(), c.getCode() + " · " + c.getName() + qualitor));
            }
        }
        activeCategories = items;
        List<SelectItem> codes = new ArrayList<>();
        for (ClockPolicy p : clocks.policies()) {
            codes.add(new SelectItem(p.getCode(), p.getCode() + " · " + p.getName()));
        }
        policies = codes;
    }

    public List<SelectItem> getCategories() {
        return activeCategories;
    }

    /**
     * The active categories, plus the SOP's own when it is not among them (deactivated since, or
     * unknown), so the editor shows what the SOP says rather than silently choosing another.
     */
    public List<SelectItem> categoriesWith(String current) {
        if (current == null || activeCategories.stream().anyMatch(i -> current.equals(i.getValue()))) {
            return activeCategories;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        List<SelectItem> items = new ArrayList<>(activeCategories);
        items.add(new SelectItem(current, current + " · " + faces.getApplication().getResourceBundle(faces, "msg").getString("editor.category.inactive")));
        return items;
    }

    public List<SelectItem> getPolicies() {
        return policies;
    }

    public SopNode.Kind[] getKinds() {
        return SopNode.Kind.values();
    }

    public SopNode.Outcome[] getOutcomes() {
        return SopNode.Outcome.values();
    }

    public FieldSpec.Type[] getFieldTypes() {
        return FieldSpec.Type.values();
    }

    public List<String> getCertificateTypes() {
        return List.of("A1", "A3");
    }
}
