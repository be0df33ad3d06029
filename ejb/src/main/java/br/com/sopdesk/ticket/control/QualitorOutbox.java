package br.com.sopdesk.ticket.control;

import br.com.sopdesk.platform.PersonalData;
import br.com.sopdesk.qualitor.OpenedTicket;
import br.com.sopdesk.qualitor.QualitorException;
import br.com.sopdesk.qualitor.QualitorGateway;
import br.com.sopdesk.qualitor.RefusalKind;
import br.com.sopdesk.qualitor.TicketDraft;
import br.com.sopdesk.qualitor.control.SendingPauses;
import br.com.sopdesk.qualitor.entity.SendingPause;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sends stored tickets to Qualitor: right after the agent saves ({@link #pushStored}), and again from
 * the timer for those that could not go ({@link #drain}, several at a time). Runs outside transactions:
 * each database step is its own, and Qualitor is never called inside one.
 *
 * <p>After a failure on the write whose outcome is unknown (timeout, cut connection, garbage), the
 * ticket is marked, and every later attempt asks the connector to look for it by its submission
 * key before opening another, so a lost answer never becomes a duplicate. When Qualitor answers
 * again after an outage, the tickets pausing in their back-off are all made due at once. Qualitor
 * refusing SOP Desk's own login is such an outage (retried, nothing was created); Qualitor refusing
 * the ticket keeps it {@code REJECTED} with a plain message until a person fixes the cause and sends
 * it again ({@link OutboxStore#resend}); a lost answer that cannot be checked holds it
 * ({@code HELD}) for a person to look in Qualitor.
 *
 * <p>When Qualitor refuses several different tickets in a row with the same code and words it does
 * not explain, the fault is the installation's, not theirs: sending pauses ({@link SendingPauses}),
 * the tickets wait in the queue, and one ticket a minute goes to see whether Qualitor accepts again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QualitorOutbox {

    private static final Logger LOG = Logger.getLogger(QualitorOutbox.class.getName());
    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    /** Whether this instance saw Qualitor unreachable since the queued tickets were last woken. */
    private static final AtomicBoolean QUALITOR_WAS_DOWN = new AtomicBoolean();

    @EJB
    OutboxStore store;

    @Inject
    QualitorGateway qualitor;

    @Inject
    OutboxSettings settings;

    @EJB
    SummaryAttachments summaries;

    @EJB
    SendingPauses pauses;

    @Inject
    SummaryHandOff handOff;

    @Resource
    ManagedExecutorService executor;

    @Resource
    SessionContext context;

    /** Tries to send one ticket now, if this instance wins its claim; returns the ticket as it stands afterwards. */
    public Ticket push(long id) {
        if (store.claim(id, settings.instance(), Instant.now(), settings.lease())) {
            return send(store.find(id), false);
        }
        return store.find(id);
    }

    /**
     * Sends a ticket this instance has just stored already claimed ({@link TicketService#submit}),
     * without claiming or reading it again; returns the ticket as it stands afterwards. Once Qualitor
     * numbered it, its walk summary is claimed in the same update and attached at once, apart from
     * this call (the timer retries it if that fails).
     */
    public Ticket pushStored(Ticket stored) {
        if (stored.getState() != TicketState.SENDING) {
            throw new IllegalArgumentException("chamado " + stored.getId() + " não foi reservado ao ser registrado");
        }
        return send(stored, summaries.enabled());
    }

    private Ticket send(Ticket ticket, boolean attachSummaryNow) {
        return send(ticket, attachSummaryNow, false);
    }

    private Ticket send(Ticket ticket, boolean attachSummaryNow, boolean probe) {
        long id = ticket.getId();
        Duration maxBackoff = settings.maxBackoff();
        SendingPauses.State pause = pauses.state();
        if (pause.paused() && !probe) {
            return store.retryLater(id, SendingPauses.waiting(pause), Instant.now(), maxBackoff, false);
        }
        try {
            OpenedTicket opened = qualitor.open(draft(ticket), ticket.isOutcomeUnknown());
            pauses.accepted(Instant.now());
            if (opened.alreadyExisted()) {
                LOG.info(() -> "Chamado " + id + " já existia no Qualitor como " + opened.number() + "; nada reenviado.");
            }
            Instant now = Instant.now();
            Ticket sent = store.sent(id, opened.number(), opened.situation(), now, attachSummaryNow ? now.plus(settings.lease()) : null);
            if (attachSummaryNow) {
                attachSoon(sent, new SummaryStore.Summary(opened.number(), WalkSummary.fileName(ticket),
                        WalkSummary.content(ticket, opened.number()), false));
            }
            return sent;
        } catch (QualitorException e) {
            if (e instanceof QualitorException.Unavailable) {
                QUALITOR_WAS_DOWN.set(true);
            }
            if (e.retryable()) {
                return store.retryLater(id, e.getMessage(), Instant.now(), maxBackoff, e.writeMayHaveApplied());
            }
            if (e instanceof QualitorException.Refused r && r.kind() == RefusalKind.OTHER
                    && pauses.refused(id, r.errorCode(), r.qualitorMessage(), settings.pauseAfterRefusals(), Instant.now())
                    != SendingPause.Outcome.COUNTED) {
                return store.retryLater(id, SendingPauses.waiting(pauses.state()), Instant.now(), maxBackoff, false);
            }
            return store.refused(id, e);
        } catch (CircuitBreakerOpenException e) {
            QUALITOR_WAS_DOWN.set(true);
            return store.retryLater(id, "Qualitor indisponível: envios suspensos por alguns segundos após falhas seguidas",
                    Instant.now(), maxBackoff, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Falha inesperada ao enviar o chamado " + id, PersonalData.mask(e));
            return store.retryLater(id, "Falha inesperada: " + e, Instant.now(), maxBackoff, true);
        }
    }

    /** Sends one ticket as the probe of a pause, if this instance wins it. */
    public Ticket probe(long id) {
        if (store.claim(id, settings.instance(), Instant.now(), settings.lease())) {
            return send(store.find(id), false, true);
        }
        return store.find(id);
    }

    /** Hands the claimed summary to another thread; if none takes it, its claim lapses to the timer. */
    private void attachSoon(Ticket sent, SummaryStore.Summary summary) {
        if (sent.getSummaryState() == SummaryState.SENDING) {
            handOff.attach(sent.getId(), summary);
        }
        // otherwise the number had arrived before (another attempt's): that one's summary stands
    }

    /**
     * A person sends a refused or held ticket again ({@code Reenviar}), with the same submission key:
     * queued (audited), then tried at once like a new one; returns it as it stands afterwards.
     *
     * @param checkedInQualitor for a held ticket: the person looked in Qualitor and it is not there
     * @throws TicketActionRefused when the ticket is in no state to be sent again
     */
    public Ticket resend(long id, String agent, boolean checkedInQualitor) {
        store.resend(id, agent, Instant.now(), checkedInQualitor);
        return context.getBusinessObject(QualitorOutbox.class).push(id);
    }

    /** A person found in Qualitor the ticket a held submission had created: records its number, sends nothing. */
    public Ticket found(long id, String number, String agent) {
        return store.found(id, number, agent, Instant.now());
    }

    /**
     * Sends every due ticket, {@code sopdesk.outbox.parallelism} at a time, until none is due;
     * returns how many were tried. When Qualitor was unreachable and answers again, the tickets
     * pausing in their back-off are made due first, so an outage's queue drains at once.
     */
    public int drain() {
        Instant started = Instant.now();
        if (pauses.state().paused()) {
            // one ticket at a time, at most once per probe period among all instances
            List<Long> first = store.due(started, 1);
            if (!first.isEmpty() && pauses.probe(started, settings.pauseProbe())) {
                Ticket t = context.getBusinessObject(QualitorOutbox.class).probe(first.get(0));
                if (t.getState() == TicketState.SENT) {
                    store.retryAllNow(Instant.now());
                }
                return 1;
            }
            return 0;
        }
        if (QUALITOR_WAS_DOWN.get() && store.waiting(started) > 0 && qualitorAnswers()) {
            QUALITOR_WAS_DOWN.set(false);
            int woken = store.retryAllNow(started);
            LOG.info(() -> "Qualitor respondeu de novo: " + woken + " chamado(s) na fila reenviados agora.");
        }
        List<Long> due = store.due(started, 500);
        int tried = 0;
        QualitorOutbox self = context.getBusinessObject(QualitorOutbox.class);
        while (!due.isEmpty()) {
            List<Future<?>> running = new ArrayList<>();
            int width = settings.parallelism();
            for (int i = 0; i < width; i++) {
                List<Long> slice = new ArrayList<>();
                for (int j = i; j < due.size(); j += width) {
                    slice.add(due.get(j));
                }
                running.add(executor.submit(() -> slice.forEach(self::push)));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return tried;
                } catch (ExecutionException e) {
                    LOG.log(Level.WARNING, "Falha ao esvaziar a fila do Qualitor", PersonalData.mask(e.getCause()));
                }
            }
            tried += due.size();
            due = store.due(started.plusMillis(1), 500);
        }
        return tried;
    }

    private boolean qualitorAnswers() {
        try {
            qualitor.version();
            return true;
        } catch (RuntimeException e) {
            QUALITOR_WAS_DOWN.set(true);
            return false;
        }
    }

    static TicketDraft draft(Ticket ticket) {
        Intake in = ticket.getIntake();
        Classification c = ticket.getClassification();
        String decisions = ticket.getDecisions() == null ? "" : ticket.getDecisions();
        String certificate = null;
        StringBuilder walk = new StringBuilder("Decisões:\n");
        for (String line : decisions.split("\n")) {
            if (line.startsWith(CERTIFICATE_LINE) && certificate == null) {
                certificate = line.substring(CERTIFICATE_LINE.length()).strip();
            } else if (!line.isBlank()) {
                walk.append(line).append('\n');
            }
        }
        walk.append("Agente: ").append(ticket.getCreatedBy())
                .append("\nRetorno ao cliente prometido em até ").append(ticket.getReturnHours()).append(" horas.");
        TicketDraft.Facts facts = new TicketDraft.Facts(in.getCustomerName(), BrazilianDocuments.format(in.getDocument()), in.getEmail(),
                in.getPhone1(), in.getPhone2(), ticket.getSopId() + " v" + ticket.getSopVersion(), certificate, walk.toString());
        return new TicketDraft(in.getDocument(), in.getEmail(), ticket.getTitle(), in.getDescription(),
                new TicketDraft.Mapping(c.getTicketType(), c.getCategory(), c.getLocation(), c.getSeverity()),
                facts, ticket.getSubmissionKey(), LocalDate.ofInstant(ticket.getCreatedAt(), BRASILIA));
    }

    /** How the certificate's line starts in the decisions ({@code CertificateFacts.describe}). */
    static final String CERTIFICATE_LINE = "Certificado lido pelo SOP Desk: ";
}
