package br.com.sopdesk.sop.entity;

/**
 * A document the agent must open before the walk goes on past its step, as Qualitor's own service
 * scripts make reading a knowledge-base article required: a web address opened in a new tab, or a
 * text shown in place. {@link BundleCheck} asks for a title and exactly one of the two.
 *
 * @param title what the agent reads on the button's box (pt-BR)
 * @param url   the document's http(s) address, or null
 * @param text  the document itself, or null
 */
public record SopReading(String title, String url, String text) implements java.io.Serializable {

    /** The answer a step with a reading records once the agent confirms having read it. */
    public static final String READ = "lido";

    @jakarta.json.bind.annotation.JsonbCreator
    public SopReading {
        title = title == null || title.isBlank() ? null : title.strip();
        url = url == null || url.isBlank() ? null : url.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
