package br.com.sopdesk.ticket.boundary;

import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import br.com.sopdesk.platform.Text;
import java.io.Serializable;
import java.util.Locale;

/**
 * What the agent's page shows about a saved ticket: its state on the way to Qualitor, the demand
 * number once Qualitor gave one, and the error in plain words, in the page's language, if it was
 * refused (what to do first, then Qualitor's own detail). A call recorded at first contact promises
 * no return: the page says its demand is closed instead.
 */
public record TicketStatus(long id, TicketState state, String number, String situation, int attempts,
                           String lastError, String advice, String detail, String refusal, int returnHours,
                           boolean recordedCall) implements Serializable {

    /** A refusal's stored text: what to do ({0}) and Qualitor's detail ({1}). */
    static final String WITH_DETAIL = "connector.with-detail";
    /** Where Qualitor's detail began in a last error stored as a sentence (before texts were stored as codes). */
    private static final String OLD_DETAIL = " Detalhe do Qualitor";

    public static TicketStatus of(Ticket t, Locale locale) {
        Text error = Text.read(t.getLastError());
        String advice = null;
        String detail = null;
        if (error != null && WITH_DETAIL.equals(error.key()) && error.args().size() == 2) {
            advice = part(error.args().get(0), locale);
            detail = part(error.args().get(1), locale);
        } else if (error != null) {
            String whole = error.in(locale);
            int at = whole.indexOf(OLD_DETAIL);
            advice = at < 0 ? whole : whole.substring(0, at);
            detail = at < 0 ? null : whole.substring(at + 1);
        }
        return new TicketStatus(t.getId(), t.getState(), t.getQualitorNumber(), t.getQualitorSituation(),
                t.getAttempts(), error == null ? null : error.in(locale), advice, detail, t.getRefusal(), t.getReturnHours(),
                t.isRecordedCall());
    }

    private static String part(Object arg, Locale locale) {
        return arg instanceof Text t ? t.in(locale) : String.valueOf(arg);
    }

    /** Held: a lost answer that cannot be checked; a person looks in Qualitor before anything is resent. */
    public boolean isHeld() {
        return state == TicketState.HELD;
    }

    /** What to do first, in plain words: the message before Qualitor's own detail. */
    public String getAdvice() {
        return advice;
    }

    /** Qualitor's own words, when the message carries them. */
    public String getDetail() {
        return detail;
    }

    /** A call solved at first contact, recorded: its demand is closed, no return is promised. */
    public boolean isRecordedCall() {
        return recordedCall;
    }

    public boolean isSent() {
        return state == TicketState.SENT;
    }

    public boolean isQueued() {
        return state == TicketState.QUEUED || state == TicketState.SENDING;
    }

    public boolean isRejected() {
        return state == TicketState.REJECTED;
    }

    public String getNumber() {
        return number;
    }

    public String getLastError() {
        return lastError;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getReturnHours() {
        return returnHours;
    }

    public long getId() {
        return id;
    }
}
