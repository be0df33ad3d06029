package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/** Reads and writes SOP bundles as JSON, the format the seed bundles ship in. */
public final class SopBundleJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private SopBundleJson() {
    }

    /** Parses a bundle; a malformed one is refused with the parser's reason. */
    public static SopBundle read(String json) {
        try {
            SopBundle bundle = JSONB.fromJson(json, SopBundle.class);
            if (bundle == null) {
                throw new IllegalArgumentException("pacote de SOP vazio");
            }
            return bundle;
        } catch (JsonbException e) {
            throw new IllegalArgumentException("pacote de SOP inválido: " + e.getMessage(), e);
        }
    }

    public static String write(SopBundle bundle) {
        return JSONB.toJson(bundle);
    }
}
