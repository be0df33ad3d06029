package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Binds the SOP list on the agent's start page. */
@Named
@RequestScoped
public class SopListView {

    @Inject
    SopCatalog catalog;

    private List<SopBundle> sops;

    public List<SopBundle> getSops() {
        if (sops == null) {
            sops = catalog.latest();
        }
        return sops;
    }
}
