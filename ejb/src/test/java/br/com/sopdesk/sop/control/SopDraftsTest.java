package br.com.sopdesk.sop.control;

import br.com.sopdesk.platform.TestUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.audit.entity.AuditEntry;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.platform.SchemaMigration;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopDraft;
import br.com.sopdesk.sop.entity.SopDraftForm;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.RollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drafts on the real schema (migrated H2, EclipseLink): two administrators saving the same draft,
 * the second refused with who saved it and when; publishing stores the next version and deletes the draft.
 */
class SopDraftsTest {

    static final Instant NOW = Instant.parse("2026-12-06T13:00:00Z");
    static EntityManagerFactory emf;

    @BeforeAll
    static void open() {
        String url = "jdbc:h2:mem:drafts" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(SchemaMigration.locations("H2")).load().migrate();
        emf = TestUnit.open(url, "sa", "", "OFF");
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    static <T> T tx(Function<SopDrafts, T> work) {
        return TestUnit.inTransaction(emf, em -> {
            AuditLog audit = new AuditLog() {
                @Override
                public void record(String actor, String action, String subject, String detail) {
                    em.persist(new AuditEntry(actor, action, subject, detail, NOW));
                }
            };
            SopCatalog catalog = new SopCatalog();
            catalog.em = em;
            catalog.audit = audit;
            catalog.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            catalog.categories = new Categories() {
                @Override
                public Optional<Category> find(String code) {
                    return Optional.ofNullable(em.find(Category.class, code));
                }
            };
            SopDrafts drafts = new SopDrafts();
            drafts.em = em;
            drafts.audit = audit;
            drafts.catalog = catalog;
            drafts.clock = Clock.fixed(NOW, ZoneOffset.UTC);
            return work.apply(drafts);
        });
    }

    static SopDraftForm form(String id) {
        return SopDraftForm.of(SopBundleJson.read("""
                {"id": "%s", "version": 1, "title": "Rascunho", "start": "q",
                 "nodes": [
                   {"id": "q", "kind": "QUESTION", "title": "Resolveu?",
                    "options": [{"value": "sim", "label": "Sim", "next": "fim"}, {"value": "nao", "label": "Não", "next": "sobe"}]},
                   {"id": "sobe", "kind": "OUTCOME", "outcome": "ESCALATE", "title": "Escalar"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}],
                 "qualitor": {"ticketType": "5", "category": "32"}}
                """.formatted(id)));
    }

    static List<String> audited(String action) {
        return tx(d -> d.em.createQuery("select a from AuditEntry a where a.action = :a", AuditEntry.class).setParameter("a", action)
                .getResultList().stream().map(a -> a.getActor() + " " + a.getSubject()).toList());
    }

    @Test
    void aSecondEditorSavingADraftSavedSinceIsRefusedWithWhoAndWhen() {
        SopDraft first = tx(d -> d.save(null, null, null, form("disputado"), null, "ana"));
        int read = first.getRowVersion();
        SopDraftForm anas = form("disputado");
        anas.setTitle("Versão da Ana");
        SopDraft saved = tx(d -> d.save(first.getId(), read, null, anas, null, "ana"));
        assertNotEquals(read, saved.getRowVersion());

        SopDraftForm bias = form("disputado");
        bias.setTitle("Versão da Bia");
        DraftConflict refused = assertThrows(DraftConflict.class, () -> tx(d -> d.save(first.getId(), read, null, bias, null, "bia")));
        assertEquals("ana", refused.savedBy());
        assertEquals(NOW, refused.savedAt());
        assertTrue(refused.text().toString().startsWith("o rascunho foi salvo por ana em"), refused.text().toString());
        assertEquals("Versão da Ana", tx(d -> SopDrafts.form(d.find(first.getId()).orElseThrow()).getTitle()), "never a silent overwrite");

        SopDraft again = tx(d -> d.save(first.getId(), saved.getRowVersion(), null, bias, null, "bia"));
        assertEquals("bia", again.getAuthor(), "with the version just read, the save goes through");
        assertTrue(audited("sop.rascunho.salvo").contains("bia rascunho " + first.getId() + " (SOP disputado v1)"));
    }

    @Test
    void twoSavesRacingOnTheSameRowVersionCannotBothCommit() {
        SopDraft draft = tx(d -> d.save(null, null, null, form("corrida"), null, "ana"));
        EntityManager a = emf.createEntityManager();
        EntityManager b = emf.createEntityManager();
        try {
            a.getTransaction().begin();
            b.getTransaction().begin();
            SopDraft inA = a.find(SopDraft.class, draft.getId());
            SopDraft inB = b.find(SopDraft.class, draft.getId());
            inA.save("corrida", inA.getContent(), null, "carla", NOW.plusSeconds(1));
            inB.save("corrida", inB.getContent(), null, "bia", NOW.plusSeconds(2));
            a.getTransaction().commit();
            assertThrows(RollbackException.class, () -> b.getTransaction().commit(), "the row version refuses the second");
        } finally {
            a.close();
            b.close();
        }
        assertEquals("carla", tx(d -> d.find(draft.getId()).orElseThrow().getAuthor()));
    }

    @Test
    void publishingADraftStoresTheNextVersionAndDeletesTheDraft() {
        SopDraft draft = tx(d -> d.save(null, null, null, form("publicavel"), "RETORNO-24H", "ana"));
        assertEquals("RETORNO-24H", draft.getSlaPolicy());
        SopBundle published = tx(d -> d.publish(draft.getId(), draft.getRowVersion(), null, form("publicavel"), null, "ana"));
        assertEquals(1, published.version());
        assertTrue(tx(d -> d.find(draft.getId())).isEmpty(), "the draft is gone");
        assertEquals(published, tx(d -> d.catalog.latest("publicavel")).orElseThrow());
        assertTrue(audited("sop.publicado").contains("ana SOP publicavel v1"));

        DraftConflict gone = assertThrows(DraftConflict.class,
                () -> tx(d -> d.save(draft.getId(), draft.getRowVersion(), null, form("publicavel"), null, "bia")));
        assertTrue(gone.gone());

        SopDraftForm next = SopDraftForm.nextVersionOf(published);
        next.setTitle("Segunda");
        assertEquals(2, tx(d -> d.publish(null, null, 1, next, null, "bia")).version(), "a draft of the next version, published at once");
    }

    @Test
    void aDraftWithProblemsIsSavedButNotPublished() {
        SopDraftForm broken = form("quebrado");
        broken.link(0, 0, null);
        SopDraft draft = tx(d -> d.save(null, null, null, broken, null, "ana"));
        assertNull(tx(d -> SopDrafts.form(d.find(draft.getId()).orElseThrow()).getNodes().get(0).getOptions().get(0).getNext()));
        InvalidBundleException refused = assertThrows(InvalidBundleException.class,
                () -> tx(d -> d.publish(draft.getId(), draft.getRowVersion(), null, broken, null, "ana")));
        assertEquals("q", refused.problems().get(0).node());
        assertTrue(tx(d -> d.find(draft.getId())).isPresent(), "the draft stays, unchanged by the refused publication");
    }

    @Test
    void discardingIsRefusedLikeSavingWhenSomeoneSavedSince() {
        SopDraft draft = tx(d -> d.save(null, null, null, form("descartavel"), null, "ana"));
        SopDraft saved = tx(d -> d.save(draft.getId(), draft.getRowVersion(), null, form("descartavel"), null, "bia"));
        assertThrows(DraftConflict.class, () -> tx(d -> {
            d.discard(draft.getId(), draft.getRowVersion(), "ana");
            return null;
        }));
        tx(d -> {
            d.discard(draft.getId(), saved.getRowVersion(), "ana");
            return null;
        });
        assertTrue(tx(d -> d.find(draft.getId())).isEmpty());
        assertEquals(List.of("ana rascunho " + draft.getId() + " (SOP descartavel)"), audited("sop.rascunho.descartado"));
    }
}
