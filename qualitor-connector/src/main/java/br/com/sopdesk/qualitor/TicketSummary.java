package br.com.sopdesk.qualitor;

/**
 * One of a customer's tickets as Qualitor lists it.
 *
 * @param number         demand number
 * @param title          title
 * @param situation      situation name
 * @param openedAt       opening timestamp as Qualitor wrote it
 * @param expectedAnswer Qualitor's own expected-answer date, when it gives one
 * @param submissionKey  SOP Desk's submission key, when the ticket was opened by SOP Desk
 */
public record TicketSummary(String number, String title, String situation, String openedAt,
                            String expectedAnswer, String submissionKey) {
}
