package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.sla.control.SlaClocks;
import br.com.sopdesk.sla.entity.PolicyAssignment;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.control.SopDrafts;
import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopDraft;
import br.com.sopdesk.sop.entity.SopDraftForm;
import br.com.sopdesk.sop.entity.SopLimits;
import br.com.sopdesk.sop.entity.SopNode;
import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.ValueChangeEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Binds the SOP editor's form: which SOP or draft it opened ({@code ?sop=} the next version of a
 * published SOP, {@code ?draft=} a saved draft, neither a new SOP), the node, option and field
 * operations, and the problems {@link BundleCheck} finds, worked out again after every change and
 * shown at their node. Saving and publishing are {@link SopDraftView}'s job.
 */
@Named
@ViewScoped
public class SopEditorView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The request attribute holding this request's {@link #getChartBundle()}. */
    private static final String CHART_BUNDLE = SopEditorView.class.getName() + ".chartBundle";

    @EJB
    SopCatalog catalog;

    @EJB
    SopDrafts drafts;

    @EJB
    SlaClocks clocks;

    private String sopParam;
    private Long draftParam;
    private SopDraftForm form;
    private Long draftId;
    private Integer readVersion;
    private Integer basedOn;
    private String slaPolicy;
    private List<BundleCheck.Problem> problems = List.of();

    /** Opens the draft, the SOP's next version, or a blank SOP (the view action, once). */
    public void open() {
        if (form != null) {
            return;
        }
        if (draftParam != null) {
            drafts.find(draftParam).ifPresent(this::hold);
        } else if (sopParam != null) {
            catalog.latest(sopParam).ifPresent(b -> {
                form = SopDraftForm.nextVersionOf(b);
                basedOn = b.version();
                slaPolicy = clocks.assignments().stream().filter(a -> a.getSopId().equals(b.id()))
                        .map(PolicyAssignment::getPolicyCode).findFirst().orElse(null);
            });
        }
        if (form == null) {
            form = SopDraftForm.blank();
        }
        check();
    }

    /** Holds the draft as saved: its form and the row version the next save must still find. */
    void hold(SopDraft draft) {
        form = SopDrafts.form(draft);
        draftId = draft.getId();
        readVersion = draft.getRowVersion();
        basedOn = draft.getBasedOn();
        slaPolicy = draft.getSlaPolicy();
    }

    /** Works the problems out again (after every change on the page). */
    public void check() {
        problems = BundleCheck.problems(form.toBundle(), SopLimits.configured());
    }

    /** The problems of this node, or of this field (EL passes an empty string for the other), in the reader's language. */
    public List<String> problemsAt(String node, String field) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        boolean atNode = node != null && !node.isEmpty();
        return problems.stream()
                .filter(p -> atNode ? node.equals(p.node()) : field != null && !field.isEmpty() && field.equals(p.field()))
                .map(p -> p.text().in(locale)).toList();
    }

    /**
     * The SOP as it stands on screen, for its flow chart (laid out once per content by {@code SopCharts}):
     * built once per render, since the chart component reads it at every one of its expressions (the
     * phases before the render, which change the form, build it afresh).
     */
    public SopBundle getChartBundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return form.toBundle();
        }
        return (SopBundle) faces.getExternalContext().getRequestMap().computeIfAbsent(CHART_BUNDLE, key -> form.toBundle());
    }

    /** Every problem, each headed by its node or field when it has one. */
    public List<BundleCheck.Problem> getProblems() {
        return problems;
    }

    public void addNode(String kind) {
        form.addNode(SopNode.Kind.valueOf(kind));
        check();
    }

    public void moveUp(int index) {
        form.moveUp(index);
    }

    public void moveDown(int index) {
        form.moveDown(index);
    }

    public void copy(int index) {
        form.copy(index);
        check();
    }

    public void delete(int index) {
        form.delete(index);
        check();
    }

    public void addOption(int node) {
        form.addOption(node);
        check();
    }

    public void removeOption(int node, int option) {
        form.removeOption(node, option);
        check();
    }

    public void addField() {
        form.addField();
        check();
    }

    public void removeField(int index) {
        form.removeField(index);
        check();
    }

    /** A node's id changed: the links to it follow (the row index comes as the input's "index" attribute). */
    public void renamed(ValueChangeEvent event) {
        UIComponent input = event.getComponent();
        Object index = input.getAttributes().get("index");
        if (index instanceof Number i && event.getNewValue() instanceof String id) {
            form.rename(i.intValue(), id.strip());
        }
    }

    public SopDraftForm getForm() {
        return form;
    }

    /** Whether this editor holds a saved draft (else nothing is stored until "Salvar rascunho"). */
    public boolean isSaved() {
        return draftId != null;
    }

    Long draftId() {
        return draftId;
    }

    Integer readVersion() {
        return readVersion;
    }

    Integer basedOn() {
        return basedOn;
    }

    public Integer getBasedOn() {
        return basedOn;
    }

    public String getSlaPolicy() {
        return slaPolicy;
    }

    public void setSlaPolicy(String slaPolicy) {
        this.slaPolicy = slaPolicy == null || slaPolicy.isBlank() ? null : slaPolicy;
    }

    public String getSop() {
        return sopParam;
    }

    public void setSop(String sop) {
        this.sopParam = sop;
    }

    public Long getDraft() {
        return draftParam;
    }

    public void setDraft(Long draft) {
        this.draftParam = draft;
    }
}
