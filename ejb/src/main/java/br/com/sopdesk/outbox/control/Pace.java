package br.com.sopdesk.outbox.control;

import br.com.sopdesk.outbox.entity.Backoff;
import java.time.Duration;

/**
 * How one kind of delivery is paced: how long a claim holds, how many go at once, how many are read
 * per round, how long a drain may run ({@code null}: until none is due), and the back-off.
 */
public record Pace(Duration lease, int width, int batch, Duration budget, Backoff backoff) {
}
