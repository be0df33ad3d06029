package br.com.sopdesk.ticket.boundary;

import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import java.io.Serializable;

/**
 * What the agent's page shows about a saved ticket: its state on the way to Qualitor, the demand
 * number once Qualitor gave one, and the error in plain words if it was refused.
 */
public record TicketStatus(long id, TicketState state, String number, String situation, int attempts,
                           String lastError, String refusal, int returnHours) implements Serializable {

    public static TicketStatus of(Ticket t) {
        return new TicketStatus(t.getId(), t.getState(), t.getQualitorNumber(), t.getQualitorSituation(),
                t.getAttempts(), t.getLastError(), t.getRefusal(), t.getReturnHours());
    }

    /** Held: a lost answer that cannot be checked; a person looks in Qualitor before anything is resent. */
    public boolean isHeld() {
        return state == TicketState.HELD;
    }

    /** What to do first, in plain words: the message before Qualitor's own detail. */
    public String getAdvice() {
        if (lastError == null) {
            return null;
        }
        int at = lastError.indexOf(" Detalhe do Qualitor");
        return at < 0 ? lastError : lastError.substring(0, at);
    }

    /** Qualitor's own words, when the message carries them. */
    public String getDetail() {
        int at = lastError == null ? -1 : lastError.indexOf(" Detalhe do Qualitor");
        return at < 0 ? null : lastError.substring(at + 1);
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
