package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Binds the agent's start page: the SOP search (pt-BR words, accents and case ignored, the agent's
 * recent SOPs first) and the triage shortcuts, which are canned searches.
 */
@Named
@ViewScoped
public class SopListView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Short triage: what the customer reports, and the words that find the SOP for it. */
    public record Triage(String label, String query) implements Serializable {
    }

    private static final List<Triage> TRIAGE = List.of(
            new Triage("Esqueceu a senha do certificado", "senha"),
            new Triage("Token não funciona / em branco", "token branco"),
            new Triage("Precisa da matrícula CEI", "CEI"),
            new Triage("Formatar ou trocar senha da mídia", "formatar"),
            new Triage("Garantia ou revogação", "garantia"),
            new Triage("Videoconferência", "videoconferencia"),
            new Triage("Comprar certificado", "comprar"),
            new Triage("Acompanhar, reiterar ou reiniciar demanda", "demanda"));

    @EJB
    SopCatalog catalog;

    @Inject
    ExternalContext ext;

    private String query;
    private List<SopBundle> sops;

    public void search() {
        sops = catalog.search(query, ext.getRemoteUser());
    }

    public void triage(String words) {
        query = words;
        search();
    }

    public List<SopBundle> getSops() {
        if (sops == null) {
            search();
        }
        return sops;
    }

    public List<Triage> getTriage() {
        return TRIAGE;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
