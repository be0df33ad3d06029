package br.com.sopdesk.qualitor.control;

/**
 * One demand as Qualitor lists it (a customer's demands, or one asked by its number).
 *
 * @param openedAt       the opening time as Qualitor wrote it (Brasília)
 * @param expectedAnswer Qualitor's own expected-answer time, when it gives one
 * @param submissionKey  SOP Desk's submission key, when SOP Desk opened the demand and Qualitor returns it
 */
public record ListedDemand(String number, String title, String situation, String openedAt, String expectedAnswer,
                           String submissionKey) {
}
