package br.com.sopdesk.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as UTC date-times for the database. EclipseLink as shipped with Payara 6 does not map
 * {@link Instant}, so entities store {@link LocalDateTime} in UTC and expose {@link Instant}.
 */
public final class Utc {

    private Utc() {
    }

    public static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
