package br.com.sopdesk.sop.control;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.sop.entity.BundleCheck;
import br.com.sopdesk.sop.entity.SopLimits;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * SOP bundles in YAML, for administrators who prefer it: read into the canonical JSON that is
 * stored (so one set of rules and one stored form), and written back from it for export. Loading
 * is safe (no custom tags, no Java objects) and bounded by {@link SopLimits} (size and nesting).
 */
public final class SopBundleYaml {

    private SopBundleYaml() {
    }

    /** Whether the text is YAML rather than JSON (a JSON bundle starts with an object). */
    public static boolean isYaml(String text) {
        return text != null && !text.stripLeading().startsWith("{");
    }

    /** The bundle as JSON text under the configured limits; a YAML syntax error is refused with its line. */
    public static String toJson(String yaml) {
        return toJson(yaml, SopLimits.configured());
    }

    /** The bundle as JSON text; a YAML syntax error, or nesting past the limit, is refused with its line. */
    public static String toJson(String yaml, SopLimits limits) {
        SopBundleJson.checkSize(yaml, limits);
        try {
            Object tree = yaml(limits.maxDepth(), limits.maxBytes()).load(yaml);
            if (!(tree instanceof java.util.Map)) {
                throw new InvalidBundleException(List.of(new BundleCheck.Problem(1, "sop.yaml.not-a-map")));
            }
            return jakarta.json.bind.JsonbBuilder.create().toJson(tree);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(line, "sop.yaml.invalid", e.getProblem())));
        } catch (YAMLException e) {
            String m = String.valueOf(e.getMessage());
            throw new InvalidBundleException(List.of(new BundleCheck.Problem(0, m.contains("Nesting Depth")
                    ? Text.of("sop.bundle.too-deep", limits.maxDepth())
                    : m.contains("code points") ? Text.of("sop.bundle.too-large", limits.maxBytes() / 1024)
                    : Text.of("sop.yaml.not-a-bundle"))));
        }
    }

    /** The stored JSON of a bundle, as YAML. */
    public static String fromJson(String json) {
        DumperOptions out = new DumperOptions();
        out.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        out.setIndent(2);
        out.setWidth(120);
        out.setAllowUnicode(true);
        // a stored bundle (published under the limits, or before them) is exported whole
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(out), out).dump(yaml(1000, Integer.MAX_VALUE).load(json));
    }

    private static Yaml yaml(int maxDepth, int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(maxDepth);
        options.setCodePointLimit(maxCodePoints);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
