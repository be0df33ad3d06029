package br.com.sopdesk.sla.entity;

import java.time.Instant;

/**
 * What a sync read from Qualitor about a demand, already in our terms.
 *
 * @param situationCode  Qualitor's situation code
 * @param situationName  Qualitor's situation name
 * @param expectedAnswer Qualitor's own expected-answer time (shown beside ours), if it gives one we can read
 * @param returnedAt     when someone other than SOP Desk first wrote to the demand since the clock started, if ever
 * @param closed         whether the situation is one that ends the demand
 */
public record Observation(String situationCode, String situationName, Instant expectedAnswer,
                          Instant returnedAt, boolean closed) {
}
