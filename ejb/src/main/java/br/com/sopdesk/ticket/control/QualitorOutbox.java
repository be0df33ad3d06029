package br.com.sopdesk.ticket.control;

import br.com.sopdesk.platform.PersonalData;
import br.com.sopdesk.outbox.control.Courier;
import br.com.sopdesk.outbox.control.Deliverer;
import br.com.sopdesk.outbox.control.DeliveryStore;
import br.com.sopdesk.outbox.control.OutboxSettings;
import br.com.sopdesk.outbox.control.OutboxTimer;
import br.com.sopdesk.outbox.control.Pace;
import br.com.sopdesk.outbox.control.Queue;
import br.com.sopdesk.outbox.control.Undelivered;
import br.com.sopdesk.qualitor.control.DemandDraft;
import br.com.sopdesk.qualitor.control.OpenedDemand;
import br.com.sopdesk.qualitor.control.QualitorFailure;
import br.com.sopdesk.qualitor.control.QualitorFailures;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.QualitorRefusal;
import br.com.sopdesk.qualitor.control.SendingPauses;
import br.com.sopdesk.qualitor.entity.SendingPause;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.SummaryState;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketState;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The ticket's courier to Qualitor: right after the agent saves ({@link #pushStored}), and again from
 * the timer for those that could not go ({@link #drain}); the {@link Deliverer} claims, retries and
 * reads failures. What is the ticket's own: after a lost answer Qualitor is asked for the ticket by its
 * submission key before another is opened; when Qualitor answers again after an outage, the queued
 * tickets are all made due at once; and when Qualitor refuses several different tickets in a row with
 * the same code and words it does not explain, the fault is the installation's: sending pauses
 * ({@link SendingPauses}) and one ticket a minute goes to see whether Qualitor accepts again.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QualitorOutbox implements Courier<Ticket, OpenedDemand> {

    private static final Logger LOG = Logger.getLogger(QualitorOutbox.class.getName());
    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    /** The tickets' queue: the ticket row's own delivery; Qualitor can be asked by the submission key. */
    public static final Queue<Ticket> QUEUE = new Queue<>(Ticket.class, "delivery", "", Map.of(), true, true, Ticket::getDelivery);
    /** Whether this instance saw Qualitor unreachable since the queued tickets were last woken. */
    private static final AtomicBoolean QUALITOR_WAS_DOWN = new AtomicBoolean();

    @EJB
    OutboxStore store;

    @EJB
    DeliveryStore deliveries;

    @EJB
    Deliverer deliverer;

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
    SessionContext context;

    @Inject
    Clock clock;

    @Override
    public Queue<Ticket> queue() {
        return QUEUE;
    }

    @Override
    public Pace pace() {
        return settings.qualitor(settings.parallelism(), 500);
    }

    /** Tries to send one ticket now, if this instance wins its claim; returns the ticket as it stands afterwards. */
    public Ticket push(long id) {
        return deliverer.deliver(this, id).orElseGet(() -> store.find(id));
    }

    /**
     * Sends a ticket this instance has just stored already claimed ({@link TicketService#submit}),
     * without claiming or reading it again; returns the ticket as it stands afterwards. Once Qualitor
     * numbered it, its walk summary is claimed in the same update and attached at once, apart from
     * this call (the timer retries it if that fails).
     */
    public Ticket pushStored(Ticket stored) {
        if (stored.getState() != TicketState.SENDING) {
            throw new IllegalArgumentException("ticket " + stored.getId() + " was not claimed when it was stored");
        }
        boolean attachNow = summaries.enabled();
        try {
            return deliverer.complete(this, stored.getId(), () -> open(stored, false), opened -> recordSent(stored, opened, attachNow));
        } catch (RuntimeException e) {
            // the ticket is stored and claimed whatever failed after (the database gone mid-send): its
            // claim lapses and the timer takes it over, asking Qualitor first; the agent is told it is saved
            LOG.log(Level.WARNING, "Chamado " + stored.getId() + " salvo; o envio segue pela fila", PersonalData.mask(e));
            return stored;
        }
    }

    /** Sends one ticket as the probe of a pause, if this instance wins it. */
    public Ticket probe(long id) {
        return deliverer.deliver(this, id, () -> open(store.find(id), true)).orElseGet(() -> store.find(id));
    }

    @Override
    public OpenedDemand send(long id) {
        return open(store.find(id), false);
    }

    @Override
    public Ticket delivered(long id, OpenedDemand opened) {
        return store.sent(id, opened.number(), opened.situation(), clock.instant(), null);
    }

    @Override
    public Undelivered read(Throwable failure) {
        return QualitorFailures.read(failure);
    }

    @Override
    public void ended(Ticket ticket, Undelivered why) {
        store.ended(ticket, why);
    }

    private OpenedDemand open(Ticket ticket, boolean probe) {
        SendingPauses.State pause = pauses.state();
        if (pause.paused() && !probe) {
            throw Undelivered.later(SendingPauses.waiting(pause), false);
        }
        try {
            OpenedDemand opened = qualitor.open(draft(ticket), ticket.isOutcomeUnknown());
            pauses.accepted(clock.instant());
            if (opened.alreadyExisted()) {
                LOG.info(() -> "Chamado " + ticket.getId() + " já existia no Qualitor como " + opened.number() + "; nada reenviado.");
            }
            return opened;
        } catch (CircuitBreakerOpenException e) {
            QUALITOR_WAS_DOWN.set(true);
            throw e;
        } catch (QualitorRefusal r) {
            if (r.kind() == QualitorRefusal.Kind.OTHER
                    && pauses.refused(ticket.getId(), r.errorCode(), r.qualitorMessage(), settings.pauseAfterRefusals(), clock.instant())
                    != SendingPause.Outcome.COUNTED) {
                throw Undelivered.later(SendingPauses.waiting(pauses.state()), false);
            }
            throw r;
        } catch (QualitorFailure e) {
            if (e.type() == QualitorFailure.Type.UNAVAILABLE) {
                QUALITOR_WAS_DOWN.set(true);
            }
            throw e;
        }
    }

    private Ticket recordSent(Ticket ticket, OpenedDemand opened, boolean attachNow) {
        Instant now = clock.instant();
        Ticket sent = store.sent(ticket.getId(), opened.number(), opened.situation(), now, attachNow ? now.plus(settings.lease()) : null);
        if (attachNow && sent.getSummaryState() == SummaryState.SENDING) {
            handOff.attach(sent.getId(), new SummaryStore.Summary(opened.number(), WalkSummary.fileName(ticket),
                    WalkSummary.content(ticket, opened.number()), false));
        }
        // otherwise the number had arrived before (another attempt's): that one's summary stands
        return sent;
    }

    /**
     * A person sends a refused or held ticket again ({@code Reenviar}), with the same submission key:
     * queued (audited), then tried at once like a new one; returns it as it stands afterwards.
     *
     * @param checkedInQualitor for a held ticket: the person looked in Qualitor and it is not there
     * @throws TicketActionRefused when the ticket is in no state to be sent again
     */
    public Ticket resend(long id, String agent, boolean checkedInQualitor) {
        store.resend(id, agent, clock.instant(), checkedInQualitor);
        return self().push(id);
    }

    /** A person found in Qualitor the ticket a held submission had created: records its number, sends nothing. */
    public Ticket found(long id, String number, String agent) {
        return store.found(id, number, agent, clock.instant());
    }

    /**
     * Sends every due ticket ({@link Deliverer#drain}); returns how many were tried. While sending is
     * paused, one ticket goes as the probe instead; when Qualitor was unreachable and answers again,
     * the tickets pausing in their back-off are made due first, so an outage's queue drains at once.
     */
    public int drain() {
        return deliverer.drain(this);
    }

    @Override
    public boolean beforeDrain() {
        Instant started = clock.instant();
        if (pauses.state().paused()) {
            // one ticket at a time, at most once per probe period among all instances
            List<Long> first = deliveries.due(QUEUE, started, 1);
            if (!first.isEmpty() && pauses.probe(started, settings.pauseProbe())
                    && self().probe(first.get(0)).getState() == TicketState.SENT) {
                deliveries.retryAllNow(QUEUE, clock.instant());
            }
            return false;
        }
        if (QUALITOR_WAS_DOWN.get() && deliveries.waiting(QUEUE, started) > 0 && qualitorAnswers()) {
            QUALITOR_WAS_DOWN.set(false);
            int woken = deliveries.retryAllNow(QUEUE, started);
            LOG.info(() -> "Qualitor respondeu de novo: " + woken + " chamado(s) na fila reenviados agora.");
        }
        return true;
    }

    /** The outbox timer's turn ({@link OutboxTimer}): after the earlier couriers, before the later. */
    public void tick(@Observes @Priority(100) OutboxTimer.Tick tick) {
        drain();
    }

    private QualitorOutbox self() {
        return context.getBusinessObject(QualitorOutbox.class);
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

    static DemandDraft draft(Ticket ticket) {
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
        if (in.getTriedSolution() != null) {
            walk.append("Solução tentada: ").append(in.getTriedSolution()).append('\n');
        }
        walk.append("Agente: ").append(ticket.getCreatedBy())
                .append("\nRetorno ao cliente prometido em até ").append(ticket.getReturnHours()).append(" horas.");
        DemandDraft.Facts facts = new DemandDraft.Facts(in.getCustomerName(), BrazilianDocuments.format(in.getDocument()), in.getEmail(),
                in.getPhone1(), in.getPhone2(), ticket.getSopId() + " v" + ticket.getSopVersion(), certificate, walk.toString());
        return new DemandDraft(in.getDocument(), in.getEmail(), ticket.getTitle(), in.getDescription(),
                new DemandDraft.Codes(c.getTicketType(), c.getCategory(), c.getLocation(), c.getSeverity()),
                facts, ticket.getSubmissionKey(), LocalDate.ofInstant(ticket.getCreatedAt(), BRASILIA));
    }

    /** How the certificate's line starts in the decisions ({@code CertificateFacts.describe}). */
    static final String CERTIFICATE_LINE = "Certificado lido pelo SOP Desk: ";
}
