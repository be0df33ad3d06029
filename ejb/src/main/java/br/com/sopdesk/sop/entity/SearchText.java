package br.com.sopdesk.sop.entity;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * pt-BR search without accents or case: "Matrícula", "matricula" and "MATRICULA" are the same word,
 * so an agent finds the SOP however the customer's words were typed.
 */
public final class SearchText {

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
            int s = (title.contains(w) ? 3 : 0) + (keywords.contains(w) ? 3 : 0) + (summary.contains(w) ? 1 : 0);
            if (s == 0) {
                return 0;
            }
            score += s + (keywords.contains(" " + w + " ") || title.contains(" " + w + " ") ? 1 : 0);
        }
        return score;
    }
}
