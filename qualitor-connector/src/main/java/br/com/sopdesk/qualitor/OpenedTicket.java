package br.com.sopdesk.qualitor;

/**
 * A ticket Qualitor holds: its number (the "demanda"), situation and when it was opened.
 *
 * @param number        the demand number the agent tells the customer
 * @param situation     Qualitor's situation name, e.g. "Aguardando atendimento"
 * @param openedAt      Qualitor's timestamp, Brasília time, as Qualitor wrote it
 * @param alreadyExisted true when a retry found the ticket a lost answer had created
 */
public record OpenedTicket(String number, String situation, String openedAt, boolean alreadyExisted) {
}
