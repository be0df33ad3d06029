package br.com.sopdesk.sop.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopDraft;
import br.com.sopdesk.sop.entity.SopDraftForm;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The SOP editor's drafts: saved without publishing, by several administrators at once, each save
 * refused when someone else saved the same draft since the editor read it (the database's row
 * version decides, so it holds across instances); publishing a draft stores the next version through
 * {@link SopCatalog#publish} and deletes the draft. Saving and discarding are audited; publishing is
 * audited by the catalog.
 */
@Stateless
public class SopDrafts {

    @PersistenceContext
    EntityManager em;

    @EJB
    SopCatalog catalog;

    @EJB
    AuditLog audit;

    @Inject
    Clock clock;

    /** Every draft, the latest saved first. */
    public List<SopDraft> all() {
        return em.createNamedQuery(SopDraft.ALL, SopDraft.class).getResultList();
    }

    public Optional<SopDraft> find(long id) {
        return Optional.ofNullable(em.find(SopDraft.class, id));
    }

    /** The form a draft holds, as it was saved (problems and all). */
    public static SopDraftForm form(SopDraft draft) {
        return SopDraftForm.of(SopBundleJson.readDraft(draft.getContent()));
    }

    /**
     * Saves the form in the draft read at {@code readVersion}, or in a new draft when {@code draftId}
     * is null ({@code basedOn}: the published version the form starts from, null for a new SOP).
     *
     * @return the draft as saved (its new row version is what the editor holds from now on)
     * @throws DraftConflict when someone saved, published or discarded the draft since it was read
     */
    public SopDraft save(Long draftId, Integer readVersion, Integer basedOn, SopDraftForm form, String slaPolicy, String admin) {
        SopDraft draft = draftId == null ? new SopDraft(basedOn) : current(draftId, readVersion);
        SopBundle bundle = form.toBundle();
        draft.save(bundle.id(), SopBundleJson.write(bundle), slaPolicy, admin, clock.instant());
        if (draftId == null) {
            em.persist(draft);
        }
        flush(draft);
        audit.record(admin, "sop.rascunho.salvo", "rascunho " + draft.getId() + " (SOP " + bundle.id() + " v" + bundle.version() + ")",
                bundle.title());
        return draft;
    }

    /**
     * Saves the form (as {@link #save} does, same refusals) and publishes it as the SOP's next version,
     * deleting the draft; all or nothing. Tickets already made keep the version they were made with.
     *
     * @throws InvalidBundleException when the bundle has problems, names an unknown category or its version is taken
     */
    public SopBundle publish(Long draftId, Integer readVersion, Integer basedOn, SopDraftForm form, String slaPolicy, String admin) {
        SopDraft draft = save(draftId, readVersion, basedOn, form, slaPolicy, admin);
        SopBundle published = catalog.publish(draft.getContent(), admin);
        em.remove(draft);
        return published;
    }

    /** Deletes the draft read at {@code readVersion} (refused, as saving is, when someone saved it since). */
    public void discard(long draftId, int readVersion, String admin) {
        SopDraft draft = current(draftId, readVersion);
        em.remove(draft);
        flush(draft);
        audit.record(admin, "sop.rascunho.descartado", "rascunho " + draftId + " (SOP " + draft.getSopId() + ")",
                "salvo por último por " + draft.getAuthor() + " em " + draft.getUpdatedAt());
    }

    private SopDraft current(long draftId, Integer readVersion) {
        SopDraft draft = em.find(SopDraft.class, draftId);
        if (draft == null) {
            throw DraftConflict.missing();
        }
        if (readVersion == null || draft.savedSince(readVersion)) {
            throw new DraftConflict(draft.getAuthor(), draft.getUpdatedAt());
        }
        return draft;
    }

    /** Writes now, so a save another instance committed meanwhile is refused here, by the row version. */
    private void flush(SopDraft draft) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            SopDraft other = em.find(SopDraft.class, draft.getId());
            throw other == null ? DraftConflict.missing() : new DraftConflict(other.getAuthor(), other.getUpdatedAt());
        }
    }
}
