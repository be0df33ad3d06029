package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.QualitorSettings;
import br.com.sopdesk.qualitor.entity.QualitorSetting;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Qualitor installation settings an administrator keeps in the database, over their
 * MicroProfile Config defaults ({@link QualitorSettings.Key}). Every change is checked before it is
 * stored and audited with the value before and after; an empty value returns the key to its
 * default. The password is not one of them: it stays in MicroProfile Config (a password alias).
 */
@Stateless
public class QualitorSettingsStore {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    /** The stored values, by key. */
    public Map<String, String> stored() {
        Map<String, String> values = new LinkedHashMap<>();
        em.createNamedQuery(QualitorSetting.ALL, QualitorSetting.class).getResultList().forEach(s -> values.put(s.getKey(), s.getValue()));
        return values;
    }

    /** One setting as the administrator sees it, by its key's name: its value in force, its default, and whether the database holds it. */
    public record Entry(String key, String value, String configured, boolean stored, String updatedBy, Instant updatedAt) {
    }

    public List<Entry> entries() {
        Map<String, QualitorSetting> rows = new LinkedHashMap<>();
        em.createNamedQuery(QualitorSetting.ALL, QualitorSetting.class).getResultList().forEach(s -> rows.put(s.getKey(), s));
        return java.util.Arrays.stream(QualitorSettings.Key.values()).map(k -> {
            String configured = configured(k);
            QualitorSetting row = rows.get(k.key());
            return row == null ? new Entry(k.key(), configured, configured, false, null, null)
                    : new Entry(k.key(), row.getValue(), configured, true, row.getUpdatedBy(), row.getUpdatedAt());
        }).toList();
    }

    /** The MicroProfile Config value of a key (its default when none is configured). */
    public static String configured(QualitorSettings.Key key) {
        return ConfigProvider.getConfig().getOptionalValue(key.key(), String.class).orElse(key.defaultValue());
    }

    /**
     * Stores the given values (key → value; empty: back to the default). All are checked first and
     * nothing is stored when one is wrong.
     *
     * @return what changed, as {@code key: before → after}
     * @throws InvalidSettingsException naming each wrong key and why
     */
    public List<String> change(Map<String, String> values, String actor, Instant now) {
        Map<String, Text> problems = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Optional<QualitorSettings.Key> k = QualitorSettings.Key.of(key);
            if (k.isEmpty()) {
                problems.put(key, Text.of("qualitor.setting.unknown"));
            } else if (value != null && !value.isBlank()) {
                k.get().problem(value).ifPresent(p -> problems.put(key, ConnectorText.of(p)));
                if (value.strip().length() > 400) {
                    problems.put(key, Text.of("qualitor.setting.too-long", 400));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        List<String> changed = new java.util.ArrayList<>();
        values.forEach((key, value) -> {
            QualitorSetting row = em.find(QualitorSetting.class, key);
            String before = row == null ? configured(QualitorSettings.Key.of(key).orElseThrow()) : row.getValue();
            String after = value == null || value.isBlank() ? configured(QualitorSettings.Key.of(key).orElseThrow()) : value.strip();
            if (value == null || value.isBlank()) {
                if (row != null) {
                    em.remove(row);
                }
            } else if (row == null) {
                em.persist(new QualitorSetting(key, after, actor, now));
            } else {
                row.change(after, actor, now);
            }
            if (!before.equals(after) || (row == null) != (value == null || value.isBlank())) {
                changed.add(key + ": '" + before + "' → '" + after + "'");
            }
        });
        if (!changed.isEmpty()) {
            audit.record(actor, "qualitor.configuracao", "conexão com o Qualitor", String.join("; ", changed));
        }
        return changed;
    }
}
