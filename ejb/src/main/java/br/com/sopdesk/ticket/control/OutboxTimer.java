package br.com.sopdesk.ticket.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.inject.Inject;

/**
 * Drains the Qualitor outbox every 15 seconds on every instance; the database claim in
 * {@link OutboxStore} keeps instances from sending the same ticket. Non-persistent on purpose:
 * each instance runs its own, and a missed tick is simply the next one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxTimer {

    @Inject
    QualitorOutbox outbox;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "qualitor-outbox")
    void drain() {
        outbox.drain();
    }
}
