package br.com.sopdesk.audit.entity;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an administrator looks for in the audit trail: who (exact user name), which action (or the
 * start of one, e.g. {@code login}), a period of days (UTC, both ends included) and free text in the
 * subject or detail. Empty parts match everything.
 */
public record AuditQuery(String actor, String action, LocalDate from, LocalDate to, String text) implements Serializable {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    /** The text as a case-insensitive LIKE pattern with its wildcards escaped ({@code \}), or null. */
    public static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String actorOrNull() {
        return blankToNull(actor);
    }

    public String actionOrNull() {
        return blankToNull(action);
    }
}
