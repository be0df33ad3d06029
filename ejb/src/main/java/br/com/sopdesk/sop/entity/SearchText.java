package br.com.sopdesk.sop.entity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * pt-BR search without accents or case: "Matrícula", "matricula" and "MATRICULA" are the same word,
 * so an agent finds the SOP however the customer's words were typed. A word also matches the start
 * of a text word by its stem (a common verb or noun ending taken off), because agents type the
 * customer's verb ("perdeu a senha", "não consegue formatar") where the SOP names the noun ("perda",
 * "formatação").
 */
public final class SearchText {

    /** Inflection endings, accents folded, longest first; what is left must keep {@link #MIN_STEM} letters. */
    private static final List<String> ENDINGS = List.of(
            "amentos", "imentos", "amento", "imento", "acoes", "icoes", "aram", "eram", "iram", "ando", "endo", "indo",
            "ados", "adas", "idos", "idas", "acao", "icao", "ado", "ada", "ido", "ida", "ava", "ia", "ar", "er", "ir",
            "ou", "eu", "iu", "ei", "as", "es", "os", "a", "e", "o", "s");
    private static final int MIN_STEM = 4;

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    public static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** The word without its inflection ending, or the word itself when none comes off. */
    static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    /** Whether the folded text (spaces around) holds the word, or a word starting with its stem. */
    static boolean holds(String text, String word, String stem) {
        return text.contains(word) || !stem.equals(word) && text.contains(" " + stem);
    }

    /**
     * How well a bundle matches the query words: 0 when a word is missing; otherwise more for words
     * found in the title and keywords than in the summary.
     */
    public static int score(SopBundle bundle, List<String> words) {
        if (words.isEmpty()) {
            return 1;
        }
        String title = " " + fold(bundle.title()) + " ";
        String keywords = " " + fold(String.join(" | ", bundle.keywords())) + " ";
        String summary = " " + fold(bundle.summary()) + " ";
        int score = 0;
        for (String w : words) {
            String stem = stem(w);
            int s = (holds(title, w, stem) ? 3 : 0) + (holds(keywords, w, stem) ? 3 : 0) + (holds(summary, w, stem) ? 1 : 0);
            if (s == 0) {
                return 0;
            }
            score += s + (keywords.contains(" " + w + " ") || title.contains(" " + w + " ") ? 1 : 0);
        }
        return score;
    }
}
