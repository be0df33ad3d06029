package br.com.sopdesk.validation;

/**
 * The validation group the persistence unit checks when a stored entity changes: no constraint
 * belongs to it. A ticket's intake is validated where it is taken ({@code IntakeValidation}) and
 * again when the ticket is first stored, and it never changes afterwards; checking it once more at
 * each later update of the ticket (sent, summary attached) took some 4 % of a submission's CPU.
 */
public interface StoredUnchanged {
}
