package br.com.sopdesk.sla.entity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** Shared test helpers: Brasília local times and the desk's default business calendar. */
final class SlaTime {

    static final ZoneId SP = ZoneId.of("America/Sao_Paulo");

    private SlaTime() {
    }

    /** A Brasília wall-clock time such as {@code 2025-11-17T10:00}, as an instant. */
    static Instant sp(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SP).toInstant();
    }

    static WorkCalendar.BusinessHours business() {
        return new WorkCalendar.BusinessHours(SP, LocalTime.of(8, 0), LocalTime.of(18, 0),
                new BrazilianHolidays(true, Set.of()));
    }
}
