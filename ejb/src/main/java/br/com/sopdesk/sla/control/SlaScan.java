package br.com.sopdesk.sla.control;

import br.com.sopdesk.outbox.control.Deliverer;
import br.com.sopdesk.platform.PersonalData;
import br.com.sopdesk.qualitor.control.DemandStatus;
import br.com.sopdesk.qualitor.control.QualitorGateway;
import br.com.sopdesk.qualitor.control.QualitorRefusal;
import br.com.sopdesk.sla.entity.PolicyRules;
import br.com.sopdesk.sla.entity.Observation;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One scan cycle of the SLA monitor: claims the clocks that are due (by the indexed {@code due_at}
 * column only), reads their demands in Qualitor when a sync is due (or the breach is due on an old
 * reading), settles them (alerts into the ledger), and repeats until nothing is due — no batch cap
 * that lets a backlog fall behind; rounds are sized to last about a second ({@link RoundSize}), so an
 * alert due meanwhile is claimed at the next. Then it sends the alert deliveries that are due, for a bounded
 * time; {@link SlaTimer} also sends them on its own, more frequent schedule, so deliveries never
 * wait behind a long settlement backlog. Several instances may scan at once; the claims keep them
 * apart and the ledger keeps alerts unique.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlaScan {

    private static final Logger LOG = Logger.getLogger(SlaScan.class.getName());

    @EJB
    SlaWork work;

    @EJB
    SlaAlerts alerts;

    @EJB
    AlertDeliveries deliveries;

    @EJB
    Deliverer deliverer;

    @Inject
    QualitorGateway qualitor;

    @Inject
    SlaSettings settings;

    @Inject
    RoundSize rounds;

    @Inject
    Clock time;

    @Resource
    SessionContext context;

    /**
     * What one cycle did, for the logs, the admin endpoint and the benchmark; {@code alertedClocks}
     * names the clocks it raised an alert on (the first {@value #NAMED}), so a person or a test can
     * tell this cycle's alerts apart from those of other clocks that fell due at the same moment.
     */
    public record Report(String mode, int clocks, int alerts, int synced, int delivered, long examined, long millis,
            List<Long> alertedClocks) {
    }

    /** How many alerted clocks a report names. */
    static final int NAMED = 100;

    /** Scans due clocks only (the monitor's way). */
    public Report scan() {
        long started = System.nanoTime();
        Counters n = new Counters();
        while (true) {
            String token = UUID.randomUUID().toString();
            List<Long> claimed = work.claim(time.instant(), token, rounds.next());
            if (claimed.isEmpty()) {
                break;
            }
            long round = System.nanoTime();
            settleAll(claimed, token, n);
            rounds.done(claimed.size(), (System.nanoTime() - round) / 1_000_000);
        }
        int delivered = deliver();
        return new Report("due", n.clocks.get(), n.alerts.get(), n.synced.get(), delivered, n.clocks.get(),
                (System.nanoTime() - started) / 1_000_000, n.named());
    }

    private void settleAll(List<Long> claimed, String token, Counters n) {
        SlaScan self = context.getBusinessObject(SlaScan.class);
        deliverer.fanOut(claimed, settings.parallelism(), null, id -> self.settleOne(id, token, n));
    }

    /**
     * Renews the clock's claim, reads Qualitor if due (outside any transaction), then settles the
     * clock. A clock whose claim another scan took meanwhile is skipped.
     */
    public void settleOne(long id, String token, Counters n) {
        try {
            Optional<SlaWork.Turn> turn = work.begin(id, token, time.instant());
            if (turn.isEmpty()) {
                return;
            }
            SlaWork.Reading reading = SlaWork.Reading.NONE;
            if (turn.get().read()) {
                String demand = turn.get().demand();
                Instant readAt = time.instant();
                try {
                    reading = SlaWork.Reading.of(observation(demand, turn.get().startedAt()), readAt);
                    n.synced.incrementAndGet();
                } catch (QualitorRefusal e) {
                    reading = SlaWork.Reading.refused(e.text(), readAt);
                    LOG.fine(() -> "Qualitor recusou a leitura da demanda " + demand + ": " + PersonalData.mask(e.getMessage()));
                } catch (RuntimeException e) {
                    reading = SlaWork.Reading.failure();
                    LOG.fine(() -> "Leitura da demanda " + demand + " no Qualitor falhou: " + PersonalData.mask(String.valueOf(e)));
                }
            }
            n.alerted(id, work.settle(id, token, reading, time.instant()));
            n.clocks.incrementAndGet();
        } catch (RuntimeException e) {
            if (SlaWork.lostRace(e) && released(id, token)) {
                // Qualitor announced a change while this scan settled the clock: the next cycle reads it again at once
                LOG.fine(() -> "Relógio de SLA " + id + " mudou durante a varredura; liberado para nova leitura");
                return;
            }
            // the claim lapses and the next cycle takes the clock again; the ledger keeps alerts unique
            LOG.log(Level.WARNING, "Relógio de SLA " + id + " não processado; nova tentativa no próximo ciclo", PersonalData.mask(e));
        }
    }

    private boolean released(long id, String token) {
        try {
            work.release(id, token);
            return true;
        } catch (RuntimeException e) {
            return false; // the claim lapses with its lease instead
        }
    }

    /** What Qualitor shows of the demand, in the clock's terms: the first return since the clock started (Qualitor's times are local). */
    Observation observation(String demand, Instant startedAt) {
        ZoneId zone = settings.zone();
        LocalDateTime since = startedAt.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        DemandStatus p = qualitor.status(demand, since);
        Instant returned = p.firstReturn() == null ? null : p.firstReturn().atZone(zone).toInstant();
        boolean closed = PolicyRules.listed(settings.closedSituations(), p.situationCode(), p.situationName());
        Instant expected = p.expectedAnswer() == null ? null : p.expectedAnswer().atZone(zone).toInstant();
        return new Observation(p.situationCode(), p.situationName(), expected, returned, closed);
    }

    /** Sends the deliveries that are due, for at most {@code sopdesk.sla.delivery-budget-seconds}; returns how many were tried. */
    public int deliver() {
        return deliveries.drain();
    }

    /** Counts shared by the threads of one cycle. */
    public static final class Counters {
        final AtomicInteger clocks = new AtomicInteger();
        final AtomicInteger alerts = new AtomicInteger();
        final AtomicInteger synced = new AtomicInteger();
        private final Queue<Long> named = new ConcurrentLinkedQueue<>();

        void alerted(long clock, int raised) {
            if (raised > 0 && alerts.getAndAdd(raised) < NAMED) {
                named.add(clock);
            }
        }

        List<Long> named() {
            return named.stream().limit(NAMED).sorted().toList();
        }
    }
}
