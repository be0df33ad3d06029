package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.SopNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The text inside a chart's boxes and beside its lines: titles as one plain line (no control
 * characters), wrapped at word boundaries to the box's width and cut with an ellipsis past a few
 * lines, so a hostile or very long title cannot stretch the drawing.
 */
final class ChartText {

    static final int PADDING = 14;
    static final int HEADER = 18;
    static final int LINE = 16;
    static final int MAX_CHARS = 24;
    static final int MAX_LINES = 4;
    static final int CAPTION_CHARS = 28;

    private ChartText() {
    }

    /** The height of the box a title takes: padding, the kind's line and the wrapped title. */
    static int height(String title) {
        return PADDING + HEADER + wrap(title, MAX_CHARS, MAX_LINES).size() * LINE + PADDING - 4;
    }

    /** About how wide a caption is drawn (11px text), to keep captions off each other. */
    static int captionWidth(String caption) {
        return 6 * caption.codePointCount(0, caption.length()) + 8;
    }

    /** The node's title as one line, its id when it has none. */
    static String title(SopNode node) {
        String title = clean(node.title());
        return title.isEmpty() ? node.id() : title;
    }

    /** One line of plain text: control characters and runs of white space become one space. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** The text cut to {@code max} characters, an ellipsis marking the cut. */
    static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    /** Greedy word wrap; words longer than a line are broken; past {@code maxLines} the last line ends in an ellipsis. */
    static List<String> wrap(String text, int maxChars, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean(text).split(" ")) {
            while (word.codePointCount(0, word.length()) > maxChars) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, maxChars);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (word.isEmpty()) {
                continue;
            }
            if (!line.isEmpty() && line.codePointCount(0, line.length()) + 1 + word.codePointCount(0, word.length()) > maxChars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            String last = lines.get(maxLines - 1);
            if (last.codePointCount(0, last.length()) >= maxChars) {
                last = last.substring(0, last.offsetByCodePoints(0, maxChars - 1)).strip();
            }
            lines = new ArrayList<>(lines.subList(0, maxLines - 1));
            lines.add(last + "…");
        }
        return lines;
    }
}
