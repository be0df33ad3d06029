package br.com.sopdesk.sla.entity;

import java.time.Instant;

/**
 * What a sync read from Qualitor about a demand, already in our terms.
 *
 * @param situationCode  Qualitor's situation code
 * @param situationName  Qualitor's situation name
 * @param expectedAnswer Qualitor's own expected-answer date, as Qualitor writes it (shown beside ours)
 * @param returnedAt     when someone other than SOP Desk's integration user last wrote to the demand, if ever
 * @param closed         whether the situation is one that ends the demand
 */
public record Observation(String situationCode, String situationName, String expectedAnswer,
                          Instant returnedAt, boolean closed) {
}
