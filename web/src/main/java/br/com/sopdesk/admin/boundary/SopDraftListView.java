package br.com.sopdesk.admin.boundary;

import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sop.control.SopDrafts;
import br.com.sopdesk.sop.entity.SopDraft;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Binds the administration page's list of SOP drafts (several administrators may keep some), read when the page opens. */
@Named
@ViewScoped
public class SopDraftListView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    @EJB
    SopDrafts drafts;

    @Inject
    SlaSettings sla;

    // entities, not serializable: what the page's opening read, for this view only
    private transient List<SopDraft> list = List.of();

    @PostConstruct
    void load() {
        list = drafts.all();
    }

    public List<SopDraft> getDrafts() {
        return list;
    }

    /** When the draft was last saved, in the desk's zone. */
    public String savedAt(SopDraft draft) {
        return SHOWN.format(draft.getUpdatedAt().atZone(sla.zone()));
    }
}
