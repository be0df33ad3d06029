package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;

/**
 * Reads and writes SOP bundles as JSON, the format the seed bundles ship in and administrators
 * import and export. Reading refuses a bad bundle with the line and the reason: syntax first, then
 * the mapping to the bundle model, then {@link BundleCheck}'s rules.
 */
public final class SopBundleJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private SopBundleJson() {
    }

    /** Parses and checks a bundle given as JSON or YAML; problems point at lines of the text given. */
    public static SopBundle readText(String text) {
        return SopBundleYaml.isYaml(text) ? read(SopBundleYaml.toJson(text), text) : read(text, text);
    }

    /** Parses and checks a bundle. */
    public static SopBundle read(String json) {
        return read(json, json);
    }

    private static SopBundle read(String json, String original) {
        if (json == null || json.isBlank()) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, "pacote de SOP vazio")));
        }
        checkSyntax(json);
        SopBundle bundle;
        try {
            bundle = JSONB.fromJson(json, SopBundle.class);
        } catch (JsonbException | NullPointerException e) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0,
                    "o conteúdo não corresponde a um pacote de SOP: " + rootMessage(e))));
        }
        if (bundle == null) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, "pacote de SOP vazio")));
        }
        List<BundleCheck.Problem> problems = BundleCheck.problems(bundle, original);
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
        return bundle;
    }

    public static String write(SopBundle bundle) {
        return JSONB.toJson(bundle);
    }

    private static void checkSyntax(String json) {
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (JsonParsingException e) {
            throw new InvalidBundleException(List.of(new BundleCheck.Problem((int) e.getLocation().getLineNumber(),
                    "JSON inválido (coluna " + e.getLocation().getColumnNumber() + "): " + e.getMessage())));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
