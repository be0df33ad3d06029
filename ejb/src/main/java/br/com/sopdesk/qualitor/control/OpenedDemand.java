package br.com.sopdesk.qualitor.control;

/**
 * The demand Qualitor opened for a ticket.
 *
 * @param number         the demand number the agent tells the customer
 * @param situation      Qualitor's situation name, e.g. "Aguardando atendimento"
 * @param alreadyExisted a retry found the demand a lost answer had created (nothing was sent again)
 */
public record OpenedDemand(String number, String situation, boolean alreadyExisted) {
}
