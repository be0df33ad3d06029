package br.com.sopdesk.ticket.control;

import br.com.sopdesk.qualitor.OpenedTicket;
import br.com.sopdesk.qualitor.QualitorGateway;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.TicketDraft;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sends stored tickets to Qualitor: right after the agent saves ({@link #push}), and again from the
 * timer for those that could not go ({@link #drain}). Runs outside transactions: each database step
 * is its own, and Qualitor is never called inside one.
 *
 * <p>A retry passes "may already exist" to the connector, which looks for the ticket by its
 * submission key before opening another, so a lost answer never becomes a duplicate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QualitorOutbox {

    static final String INSTANCE = System.getProperty("com.sun.aas.instanceName", "server")
            + "/" + ManagementFactory.getRuntimeMXBean().getName();
    private static final Logger LOG = Logger.getLogger(QualitorOutbox.class.getName());

    @Inject
    OutboxStore store;

    @Inject
    QualitorGateway qualitor;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.lease-seconds", defaultValue = "60")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.outbox.max-backoff-seconds", defaultValue = "300")
    long maxBackoffSeconds;

    /** Tries to send one ticket now; returns the ticket as it stands afterwards. */
    public Ticket push(long id) {
        Instant now = Instant.now();
        if (store.claim(id, INSTANCE, now, Duration.ofSeconds(leaseSeconds))) {
            Ticket ticket = store.find(id);
            try {
                OpenedTicket opened = qualitor.open(draft(ticket), ticket.getAttempts() > 1);
                store.sent(id, opened.number(), opened.situation(), Instant.now());
                if (opened.alreadyExisted()) {
                    LOG.info(() -> "Chamado " + id + " já existia no Qualitor como " + opened.number() + "; nada reenviado.");
                }
            } catch (QualitorException e) {
                if (e.retryable()) {
                    store.retryLater(id, INSTANCE, e.getMessage(), Instant.now(), Duration.ofSeconds(maxBackoffSeconds));
                } else {
                    store.rejected(id, e.getMessage());
                }
            } catch (CircuitBreakerOpenException e) {
                store.retryLater(id, INSTANCE, "Qualitor indisponível: envios suspensos por alguns segundos após falhas seguidas",
                        Instant.now(), Duration.ofSeconds(maxBackoffSeconds));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Falha inesperada ao enviar o chamado " + id, e);
                store.retryLater(id, INSTANCE, "Falha inesperada: " + e, Instant.now(), Duration.ofSeconds(maxBackoffSeconds));
            }
        }
        return store.find(id);
    }

    /** Sends every due ticket, in batches, until none is due; returns how many were tried. */
    public int drain() {
        int tried = 0;
        Instant started = Instant.now();
        List<Long> due;
        while (!(due = store.due(started, 100)).isEmpty()) {
            for (Long id : due) {
                push(id);
                tried++;
            }
        }
        return tried;
    }

    static TicketDraft draft(Ticket ticket) {
        Intake in = ticket.getIntake();
        Classification c = ticket.getClassification();
        String description = in.getDescription()
                + "\n\n--- Registrado pelo SOP Desk ---"
                + "\nCliente: " + in.getCustomerName() + " - " + BrazilianDocuments.format(in.getDocument())
                + "\nE-mail: " + in.getEmail()
                + "\nTelefones: " + in.phonesLine()
                + "\nSOP: " + ticket.getSopId() + " v" + ticket.getSopVersion()
                + "\nDecisões:\n" + ticket.getDecisions()
                + "Agente: " + ticket.getCreatedBy()
                + "\nRetorno ao cliente prometido em até " + ticket.getReturnHours() + " horas.";
        return new TicketDraft(in.getDocument(), in.getEmail(), in.getCustomerName(), ticket.getTitle(), description,
                new TicketDraft.Mapping(c.getTicketType(), c.getCategory(), c.getLocation(), c.getSeverity()),
                in.phonesLine(), ticket.getSubmissionKey());
    }
}
