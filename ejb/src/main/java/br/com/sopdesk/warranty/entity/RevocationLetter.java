package br.com.sopdesk.warranty.entity;

import br.com.sopdesk.platform.InvalidInput;
import br.com.sopdesk.platform.Utc;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The letter a customer without the revocation password signs, notarizes and sends (seed 003's
 * "modelo abaixo", which the seed does not include), and where to send it: one row the
 * administrator edits. It ships as a neutral draft ({@link #isDraft()}) until the desk validates it.
 * {@code {name}} placeholders are filled from the call (customer and certificate).
 */
@Entity
@Table(name = "revocation_letter")
public class RevocationLetter {

    /** The single row. */
    public static final int ONLY = 1;
    public static final int TEMPLATE_MAX = 4000;
    public static final int ADDRESS_MAX = 1000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]{1,30})}");

    @Id
    private int id;

    @Column(name = "template", length = TEMPLATE_MAX, nullable = false)
    private String template;

    @Column(name = "address", length = ADDRESS_MAX)
    private String address;

    @Column(name = "draft", nullable = false)
    private boolean draft;

    @Column(name = "updated_by", length = 80, nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected RevocationLetter() {
    }

    /**
     * The administrator's version: the template (required), the sending address (may stay empty) and
     * whether the desk validated the text.
     *
     * @throws InvalidInput when the template is empty or a text is too long
     */
    public void change(String template, String address, boolean validated, String by, Instant now) {
        String t = template == null ? "" : template.strip();
        String a = address == null || address.isBlank() ? null : address.strip();
        if (t.isEmpty()) {
            throw new InvalidInput("warranty.letter.template-required");
        }
        if (t.length() > TEMPLATE_MAX) {
            throw new InvalidInput("warranty.letter.too-long", TEMPLATE_MAX);
        }
        if (a != null && a.length() > ADDRESS_MAX) {
            throw new InvalidInput("warranty.letter.address-too-long", ADDRESS_MAX);
        }
        this.template = t;
        this.address = a;
        this.draft = !validated;
        this.updatedBy = by;
        this.updatedAt = Utc.of(now);
    }

    /** The template with each {@code {name}} replaced by its value, or by {@code blank} when the call did not give it. */
    public String filled(Map<String, String> values, String blank) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? blank : value));
        }
        return m.appendTail(out).toString();
    }

    public String getTemplate() {
        return template;
    }

    public String getAddress() {
        return address;
    }

    public boolean isDraft() {
        return draft;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return Utc.instant(updatedAt);
    }
}
