package br.com.sopdesk.qualitor;

/**
 * A demand's classification as Qualitor reads it back: the codes and Qualitor's own names for them
 * ({@code getTicketData} with {@code campos}), which is how the setup check learns what a code means.
 * A value Qualitor did not answer is null.
 */
public record DemandCodes(String number, String category, String categoryName, String ticketType, String ticketTypeName,
                          String team, String teamName) {
}
