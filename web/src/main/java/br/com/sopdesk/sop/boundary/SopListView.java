package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Binds the agent's start page: the SOP search (pt-BR words, accents and case ignored, the agent's
 * recent SOPs first) and the triage shortcuts, which are canned searches, over the SOPs in service.
 * Opened from Qualitor's ticket screen, it carries the customer's document and the demand on to the
 * SOP chosen; reached from a link to a retired SOP, it says so.
 */
@Named
@ViewScoped
public class SopListView implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Short triage: what the customer reports (a {@code msg} key, in the agent's language), and the
     * words that find the SOP for it (pt-BR, the language the SOPs are written in).
     */
    public record Triage(String labelKey, String query) implements Serializable {
    }

    private static final List<Triage> TRIAGE = List.of(
            new Triage("sops.triage.password", "senha"),
            new Triage("sops.triage.token", "token branco"),
            new Triage("sops.triage.cei", "CEI"),
            new Triage("sops.triage.format", "formatar"),
            new Triage("sops.triage.warranty", "garantia"),
            new Triage("sops.triage.video", "videoconferencia"),
            new Triage("sops.triage.buy", "comprar"),
            new Triage("sops.triage.demand", "demanda"));

    @EJB
    SopCatalog catalog;

    @Inject
    ExternalContext ext;

    private String query;
    private String retired;
    private String retiredTitle;
    private List<SopBundle> sops;
    private String cnpj;
    private String demand;

    /** Every SOP, the agent's recent ones first, until something is typed. */
    @PostConstruct
    void load() {
        search();
    }

    /**
     * View action: when a link to a retired SOP brought the agent here ({@code ?retired=id}), the
     * title of that SOP, so the page says which one is no longer in use.
     */
    public void arrive() {
        if (retired != null && catalog.retired(retired)) {
            retiredTitle = catalog.latest(retired).map(SopBundle::title).orElse(retired);
        }
    }

    public void search() {
        sops = catalog.search(query, ext.getRemoteUser());
    }

    public void triage(String words) {
        query = words;
        search();
    }

    public List<SopBundle> getSops() {
        return sops;
    }

    public List<Triage> getTriage() {
        return TRIAGE;
    }

    public String getCnpj() {
        return cnpj;
    }

    public void setCnpj(String cnpj) {
        this.cnpj = cnpj == null ? null : cnpj.replaceAll("[^0-9./-]", "");
    }

    public String getDemand() {
        return demand;
    }

    public void setDemand(String demand) {
        this.demand = demand == null ? null : demand.replaceAll("\\D", "");
    }

    public String getRetired() {
        return retired;
    }

    public void setRetired(String retired) {
        this.retired = retired;
    }

    /** The title of the retired SOP a link led to, or null. */
    public String getRetiredTitle() {
        return retiredTitle;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
