package br.com.sopdesk.sop.entity;

import java.util.ServiceConfigurationError;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How big a SOP bundle may be, JSON or YAML alike: a huge bundle makes every agent's search answer
 * as big, and a deeply nested one overflows the reader's stack. Kept in one place
 * so publishing, import and the SOP editor refuse the same things; read from MicroProfile Config
 * ({@code sopdesk.sop.max-bytes}, {@code max-nodes}, {@code max-depth}, {@code max-text-chars},
 * {@code max-fields}), these defaults otherwise.
 *
 * @param maxBytes     the bundle's text, in UTF-8 bytes (413 past it)
 * @param maxNodes     nodes of the walk
 * @param maxDepth     nesting of objects and lists, counted while parsing (before any recursion)
 * @param maxTextChars characters of any one text (title, guidance, label, option...)
 * @param maxFields    fields the SOP asks for beyond the intake
 */
public record SopLimits(int maxBytes, int maxNodes, int maxDepth, int maxTextChars, int maxFields) {

    public static final SopLimits DEFAULTS = new SopLimits(1_048_576, 500, 50, 4_000, 50);

    /** For bundles already stored or shipped: whatever was published stays readable; only the nesting is bounded. */
    public static final SopLimits STORED = new SopLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 200, Integer.MAX_VALUE, Integer.MAX_VALUE);

    public SopLimits {
        if (maxBytes < 1 || maxNodes < 1 || maxDepth < 4 || maxTextChars < 1 || maxFields < 0) {
            throw new IllegalArgumentException("SOP limits must be positive (depth at least 4)");
        }
    }

    /** The configured limits, or the defaults where a key is absent (or no configuration runs, as in plain unit tests). */
    public static SopLimits configured() {
        try {
            Config c = ConfigProvider.getConfig();
            return new SopLimits(value(c, "max-bytes", DEFAULTS.maxBytes), value(c, "max-nodes", DEFAULTS.maxNodes),
                    value(c, "max-depth", DEFAULTS.maxDepth), value(c, "max-text-chars", DEFAULTS.maxTextChars),
                    value(c, "max-fields", DEFAULTS.maxFields));
        } catch (RuntimeException | ServiceConfigurationError e) {
            return DEFAULTS;
        }
    }

    private static int value(Config c, String key, int fallback) {
        return c.getOptionalValue("sopdesk.sop." + key, Integer.class).orElse(fallback);
    }
}
