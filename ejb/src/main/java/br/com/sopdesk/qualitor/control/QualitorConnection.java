package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.qualitor.QualitorClient;
import br.com.sopdesk.qualitor.QualitorSettings;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The connector's {@link QualitorClient} for the settings in force: the administrator's values in
 * the database over their MicroProfile Config defaults, the password from MicroProfile Config.
 * Each instance reads the stored settings again at most every
 * {@code sopdesk.qualitor.settings-refresh-seconds} (30 by default) and at once after a change made
 * through it, and builds a new client only when they changed; the client it replaces is closed at
 * the next change, so calls in flight finish on it.
 */
@ApplicationScoped
public class QualitorConnection {

    private static final Logger LOG = Logger.getLogger(QualitorConnection.class.getName());

    @EJB
    QualitorSettingsStore store;

    @Inject
    @ConfigProperty(name = "sopdesk.qualitor.settings-refresh-seconds", defaultValue = "30")
    long refreshSeconds;

    @Inject
    Clock clock;

    private record Current(Map<String, String> stored, QualitorClient client, long readAt) {
    }

    private volatile Current current;
    private volatile QualitorClient previous;

    /** The client for the settings in force. */
    public QualitorClient client() {
        Current c = current;
        if (c == null || !fresh(c.readAt())) {
            c = refresh(false);
        }
        return c.client();
    }

    public QualitorSettings settings() {
        return client().settings();
    }

    /** A setting's value in force as text: stored, else configured, else its default. */
    public String storedOrConfigured(QualitorSettings.Key key) {
        Current c = current;
        if (c == null) {
            client();
            c = current;
        }
        String stored = c.stored().get(key.key());
        return stored != null ? stored : QualitorSettingsStore.configured(key);
    }

    /** Reads the stored settings now (after a change through this instance). */
    public void reload() {
        refresh(true);
    }

    /** The settings the stored values plus {@code changes} would give (the setup check of values not saved yet). */
    public QualitorSettings settingsWith(Map<String, String> changes) {
        Map<String, String> values = new java.util.HashMap<>(store.stored());
        changes.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                values.remove(k);
            } else {
                values.put(k, v.strip());
            }
        });
        return settingsOf(values);
    }

    /**
     * Refuses {@code changes} that would not make valid settings with the stored values, before a
     * check runs with them.
     *
     * @throws IllegalArgumentException saying, for people, what is wrong
     */
    public void validate(Map<String, String> changes) {
        settingsWith(changes);
    }

    /** Read within the refresh period (product time; moved back means read again). */
    private boolean fresh(long readAt) {
        long age = clock.millis() - readAt;
        return age >= 0 && age <= refreshSeconds * 1000;
    }

    private synchronized Current refresh(boolean force) {
        Current c = current;
        if (!force && c != null && fresh(c.readAt())) {
            return c;
        }
        Map<String, String> stored;
        try {
            stored = store.stored();
        } catch (RuntimeException e) {
            if (c != null) {
                LOG.log(Level.WARNING, "Configurações do Qualitor não puderam ser lidas do banco; mantidas as anteriores", e);
                current = new Current(c.stored(), c.client(), clock.millis());
                return current;
            }
            stored = Map.of();
        }
        if (c != null && c.stored().equals(stored)) {
            current = new Current(stored, c.client(), clock.millis());
            return current;
        }
        QualitorClient client = new QualitorClient(settingsOf(stored));
        QualitorClient replaced = previous;
        previous = c == null ? null : c.client();
        current = new Current(stored, client, clock.millis());
        if (replaced != null) {
            replaced.close();
        }
        if (c != null) {
            LOG.info(() -> "Conexão com o Qualitor refeita com as novas configurações: " + client.settings());
        }
        return current;
    }

    /** Stored values over MicroProfile Config over the defaults. */
    private static QualitorSettings settingsOf(Map<String, String> stored) {
        var config = ConfigProvider.getConfig();
        return QualitorSettings.from(key -> Optional.ofNullable(stored.get(key)).or(() -> config.getOptionalValue(key, String.class)),
                config.getOptionalValue("qualitor.password", String.class).orElse(""));
    }

    @PreDestroy
    void close() {
        Current c = current;
        if (c != null) {
            c.client().close();
        }
        if (previous != null) {
            previous.close();
        }
    }
}
