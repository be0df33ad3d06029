package br.com.sopdesk.qualitor.control;

import java.time.LocalDateTime;

/**
 * Where a demand stands in Qualitor, for the SLA monitor. Times are Qualitor's wall-clock times (its
 * installations run on Brasília time); the caller places them in its zone.
 *
 * @param expectedAnswer Qualitor's expected answer time, or null when absent or unreadable
 * @param firstReturn    the latest moment the first return since the asked time may have been written (an entry
 *                       someone other than SOP Desk wrote), or null when there is none yet
 */
public record DemandStatus(String situationCode, String situationName, LocalDateTime expectedAnswer, LocalDateTime firstReturn) {
}
