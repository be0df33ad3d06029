package br.com.sopdesk.sla.entity;

import java.time.Instant;

/** One line of a clock's timeline, produced by the clock and stored by the control as an {@link SlaEvent}. */
public record Happening(Instant at, String kind, String detail) {
}
