package br.com.sopdesk.sop.control;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import br.com.sopdesk.sop.entity.SopBundle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An updated seed reaches an existing database only under a new version: {@link SeedBundles}
 * skips an (id, version) already stored, and tickets keep the version they were made with. So a
 * shipped seed file may never change under a version it already had; {@code seed-versions.txt}
 * records the SHA-256 of every shipped (id, version).
 */
class SeedVersionsTest {

    private record Shipped(String id, int version, String sha256) {
    }

    private static List<Shipped> shipped() {
        return SeedBundles.resource("seed-versions.txt").lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .map(p -> new Shipped(p[0], Integer.parseInt(p[1]), p[2]))
                .toList();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aChangedSeedCarriesANewVersionAndNeverGoesBack() throws Exception {
        List<Shipped> shipped = shipped();
        for (String file : SeedBundles.index()) {
            String json = SeedBundles.resource("sops/" + file);
            SopBundle bundle = SopBundleJson.read(json);
            String line = bundle.id() + " " + bundle.version() + " " + sha256(json);
            Shipped same = shipped.stream().filter(s -> s.id().equals(bundle.id()) && s.version() == bundle.version()).findFirst().orElse(null);
            if (same == null) {
                fail(file + " is a version not recorded yet: add to seed-versions.txt the line\n" + line);
            } else if (!same.sha256().equals(sha256(json))) {
                fail(file + " changed under version " + bundle.version() + ", which databases may already hold: raise its \"version\" "
                        + "(or, if this version was never released, replace its line in seed-versions.txt with\n" + line + ")");
            }
            int newest = shipped.stream().filter(s -> s.id().equals(bundle.id())).mapToInt(Shipped::version).max().orElse(0);
            assertTrue(bundle.version() == newest, file + " ships version " + bundle.version() + " but version " + newest + " was shipped");
        }
    }
}
