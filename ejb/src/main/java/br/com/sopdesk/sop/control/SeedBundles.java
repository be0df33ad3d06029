package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.SopBundle;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * Loads the SOP bundles that ship with the application ({@code sops/index.txt}) at start. A bundle
 * whose (id, version) is already stored is skipped, so restarts, redeploys and several instances
 * starting together store each seed once, and an administrator's later versions stay in force.
 * It never touches a SOP's retirement: a seed SOP an administrator retired stays retired across
 * restarts and redeploys, even when the application ships a newer version of it (stored, not offered).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SeedBundles {

    private static final Logger LOG = Logger.getLogger(SeedBundles.class.getName());

    @EJB
    SopCatalog catalog;

    @PostConstruct
    void load() {
        for (String file : index()) {
            String json = resource("sops/" + file);
            SopBundle bundle = SopBundleJson.read(json);
            try {
                if (catalog.publishIfAbsent(bundle, json, "seed")) {
                    if (catalog.retired(bundle.id())) {
                        LOG.info(() -> "SOP carregado, mas retirado pela administração (continua fora de uso): " + bundle.id() + " v" + bundle.version());
                    } else {
                        LOG.info(() -> "SOP carregado: " + bundle.id() + " v" + bundle.version());
                    }
                }
            } catch (EJBException e) {
                LOG.fine(() -> "SOP " + bundle.id() + " v" + bundle.version() + " já gravado por outra instância");
            }
        }
    }

    static List<String> index() {
        return resource("sops/index.txt").lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    static String resource(String path) {
        try (InputStream in = SeedBundles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("recurso ausente: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
