package br.com.sopdesk.sop.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopLimits;
import jakarta.json.spi.JsonProvider;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes SOP bundles as JSON, the format the seed bundles ship in and administrators
 * import and export. Reading refuses a bad bundle with the line and the reason: size, nesting and
 * text lengths first ({@link SopLimits}, checked while streaming, so no depth reaches a recursive
 * reader), then syntax, the mapping to the bundle model, and {@link BundleCheck}'s rules. Reasons
 * are in the administrator's words, never the parser's tokens or class names.
 */
public final class SopBundleJson {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]{1,40})'?");
    /** Java's "No enum constant a.b.FieldSpec.Type.NOPE": the enum's own name says the property (Type → type). */
    private static final Pattern ENUM = Pattern.compile("No enum constant (?:[\\w]+[.$])*(\\w+)\\.([^\\s.]{0,40})");

    private SopBundleJson() {
    }

    /** Parses and checks a bundle given as JSON or YAML under the configured limits; problems point at lines of the text given. */
    public static SopBundle readText(String text) {
        return readText(text, SopLimits.configured());
    }

    /** Parses and checks a bundle given as JSON or YAML; problems point at lines of the text given. */
    public static SopBundle readText(String text, SopLimits limits) {
        checkSize(text, limits);
        return SopBundleYaml.isYaml(text) ? read(SopBundleYaml.toJson(text, limits), text, limits) : read(text, text, limits);
    }

    /**
     * Parses and checks a stored or shipped bundle: only the nesting is bounded, so a version stored
     * before the limits (or under larger ones) still reads.
     */
    public static SopBundle read(String json) {
        return read(json, json, SopLimits.STORED);
    }

    private static SopBundle read(String json, String original, SopLimits limits) {
        if (json == null || json.isBlank()) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, "sop.bundle.empty")));
        }
        scan(json, limits, json == original);
        SopBundle bundle;
        try {
            bundle = JSONB.fromJson(json, SopBundle.class);
        } catch (JsonbException | NullPointerException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, "sop.bundle.not-a-bundle", mappingReason(e))));
        }
        if (bundle == null) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, "sop.bundle.empty")));
        }
        List<BundleCheck.Problem> problems = BundleCheck.problems(bundle, original, limits);
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
        return bundle;
    }

    /**
     * Parses a draft saved by the SOP editor: the nesting bounded as for stored bundles, but no rule
     * checked (a draft may still have problems; the editor shows them at their nodes).
     */
    public static SopBundle readDraft(String json) {
        scan(json, SopLimits.STORED, true);
        try {
            return JSONB.fromJson(json, SopBundle.class);
        } catch (JsonbException | NullPointerException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, "sop.bundle.not-a-bundle", mappingReason(e))));
        }
    }

    public static String write(SopBundle bundle) {
        return JSONB.toJson(bundle);
    }

    /** Refuses a text past {@link SopLimits#maxBytes()} before anything parses it. */
    static void checkSize(String text, SopLimits limits) {
        if (text != null && (text.length() > limits.maxBytes() || text.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes())) {
            throw InvalidBundleException.tooLarge(limits.maxBytes());
        }
    }

    /**
     * One streaming pass: the syntax (a single JSON value, nothing after it), the nesting depth and
     * each text's length. Iterative, so a bundle nested 20,000 levels deep is refused at level 51.
     */
    private static void scan(String json, SopLimits limits, boolean linesAreTheOriginal) {
        int depth = 0;
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > limits.maxDepth()) {
                            throw new InvalidBundleException(List.of(new BundleCheck.Problem(line(parser, linesAreTheOriginal),
                                    "sop.bundle.too-deep", limits.maxDepth())));
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING, KEY_NAME -> {
                        if (parser.getString().length() > limits.maxTextChars()) {
                            throw new InvalidBundleException(List.of(new BundleCheck.Problem(line(parser, linesAreTheOriginal),
                                    "sop.bundle.text-too-long", limits.maxTextChars())));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException e) {
            int line = linesAreTheOriginal ? (int) e.getLocation().getLineNumber() : 0;
            throw new InvalidBundleException(List.of(line > 0
                    ? new BundleCheck.Problem(line, "sop.json.invalid-at", line, e.getLocation().getColumnNumber())
                    : new BundleCheck.Problem(0, "sop.json.invalid")));
        }
    }

    private static int line(JsonParser parser, boolean linesAreTheOriginal) {
        return linesAreTheOriginal ? (int) parser.getLocation().getLineNumber() : 0;
    }

    /** What did not map, in an administrator's words: the property and, for a list of choices, the value refused. */
    static Text mappingReason(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        Matcher constant = ENUM.matcher(all);
        if (constant.find()) {
            String property = Character.toLowerCase(constant.group(1).charAt(0)) + constant.group(1).substring(1);
            return Text.of("sop.json.value-not-accepted", property, constant.group(2));
        }
        Matcher property = PROPERTY.matcher(all);
        return property.find() ? Text.of("sop.json.field-type", property.group(1)) : Text.of("sop.json.value-type");
    }
}
