package br.com.sopdesk.validation;

/**
 * The validation group the persistence unit checks when a stored entity changes: no constraint
 * belongs to it. A ticket's intake is validated where it is taken ({@code IntakeValidation}) and
 * again when the ticket is first stored, and it never changes afterwards. Checked again at each later
 * update, it cost every submission CPU for nothing, and a rule made stricter would have left the
 * tickets stored before it unable to be sent or closed.
 */
public interface StoredUnchanged {
}
