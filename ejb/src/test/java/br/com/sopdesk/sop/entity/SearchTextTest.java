package br.com.sopdesk.sop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's words against the seed SOPs: accents, case and the customer's verbs. */
class SearchTextTest {

    /** The seed SOPs matching every word, best first (ties by id, as the catalog's last order). */
    private static List<String> found(String query) throws IOException {
        List<String> words = SearchText.words(query);
        return SeedBundlesTest.seeds().stream()
                .filter(b -> SearchText.score(b, words) > 0)
                .sorted(Comparator.<SopBundle>comparingInt(b -> -SearchText.score(b, words)).thenComparing(SopBundle::id))
                .map(SopBundle::id)
                .toList();
    }

    @Test
    void theCustomersVerbFindsTheSopNamedByTheNoun() throws IOException {
        assertEquals("perda-de-senha", found("perdeu a senha").get(0));
        assertEquals("perda-de-senha", found("Perdeu a SENHA do token").get(0));
        assertEquals("perda-de-senha", found("esqueceu a senha").get(0));
    }

    @Test
    void accentsAndCaseAreIgnored() throws IOException {
        assertEquals(found("matricula cei"), found("MATRÍCULA CEI"));
        assertEquals(List.of("sem-matricula-cei"), found("MATRICULA"), "the stem \"matricul\" reaches no other SOP");
    }

    @Test
    void everyWordMustMatchEvenByItsStem() throws IOException {
        assertEquals(List.of(), found("perdeu xyzzy"));
        assertEquals(List.of(), found("senha inexistentemente"));
    }

    @Test
    void aStemKeepsFourLettersAndOnlyMatchesAWordStart() {
        assertEquals("perd", SearchText.stem("perdeu"));
        assertEquals("format", SearchText.stem("formatar"));
        assertEquals("revog", SearchText.stem("revogado"));
        assertEquals("casa", SearchText.stem("casa"), "no ending comes off below four letters");
        assertTrue(SearchText.holds(" perda de senha ", "perdeu", "perd"));
        assertFalse(SearchText.holds(" superdotado ", "perdeu", "perd"), "a stem matches the start of a word only");
    }
}
