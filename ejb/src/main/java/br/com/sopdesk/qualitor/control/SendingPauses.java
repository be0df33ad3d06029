package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.entity.SendingPause;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pause of sending to Qualitor ({@link SendingPause}), kept in the database so every instance
 * counts the same streak and honours the same pause; each step locks the one row. When a streak
 * completes, the tickets refused in it go back to the queue ({@link SendingQueue}: it was not their
 * fault), so nothing is rejected in bulk. Each instance keeps what it last read for a couple of
 * seconds, so the submission path does not read the row every time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SendingPauses {

    private static final Logger LOG = Logger.getLogger(SendingPauses.class.getName());
    private static final long CACHE_MILLIS = 2_000L;

    /** What this instance last read: paused or not, with Qualitor's words; whether a streak is being counted. */
    public record State(boolean paused, boolean streak, String code, String message, Instant since) {
    }

    private record Read(State state, long at) {
    }

    private static volatile Read last;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @Inject
    SendingQueue queue;

    @Inject
    Clock clock;

    /**
     * What a ticket waiting through a pause says: Qualitor's own code and words, and that nothing is
     * wrong with it; kept as the ticket's last error and rendered in the reader's language.
     */
    public static Text waiting(State pause) {
        return Text.of("qualitor.pause.waiting", pause.code() == null || pause.code().isBlank() ? "-" : pause.code(),
                pause.message() == null || pause.message().isBlank() ? Text.of("qualitor.pause.no-message") : pause.message());
    }

    /** The pause as this instance last read it (at most a couple of seconds old). */
    public State state() {
        Read r = last;
        if (r != null && clock.millis() - r.at() >= 0 && clock.millis() - r.at() < CACHE_MILLIS) {
            return r.state();
        }
        return remember(em.find(SendingPause.class, SendingPause.ID));
    }

    /** Counts Qualitor's refusal of a ticket; returns what it did (see {@link SendingPause#refused}). */
    public SendingPause.Outcome refused(long ticket, String code, String message, int after, Instant now) {
        SendingPause p = locked();
        SendingPause.Outcome outcome = p.refused(ticket, code, message, after, now);
        if (outcome == SendingPause.Outcome.PAUSED_NOW) {
            int back = queue.requeueRefused(p.streakTickets(), waiting(state(p)), now);
            audit.record("sistema", "qualitor.envio-pausado", "conexão com o Qualitor", "mesma recusa em " + p.getStreakCount()
                    + " chamados seguidos (código " + p.getPausedCode() + ": " + p.getPausedMessage() + "); " + back + " chamado(s) de volta à fila");
            LOG.warning(() -> "Envios ao Qualitor pausados: a mesma recusa em " + p.getStreakCount() + " chamados seguidos (código "
                    + p.getPausedCode() + ": " + p.getPausedMessage() + ")");
        }
        remember(p);
        return outcome;
    }

    /** Qualitor accepted a ticket: the streak ends, and a pause with it. Reads the row only when this instance saw something to clear. */
    public void accepted(Instant now) {
        State s = state();
        if (!s.paused() && !s.streak()) {
            return;
        }
        SendingPause p = locked();
        if (p.clear(now) ) {
            audit.record("sistema", "qualitor.envio-retomado", "conexão com o Qualitor", "o Qualitor aceitou um chamado de novo");
            LOG.info("Envios ao Qualitor retomados: um chamado foi aceito.");
        }
        remember(p);
    }

    /** An administrator resumes sending; returns whether it was paused. */
    public boolean resume(String actor, Instant now) {
        SendingPause p = locked();
        boolean was = p.clear(now);
        if (was) {
            int due = queue.retryNow(now);
            audit.record(actor, "qualitor.envio-retomado", "conexão com o Qualitor", "retomado por um administrador; " + due + " chamado(s) na fila");
        }
        remember(p);
        return was;
    }

    /** While paused: whether this instance may send one ticket now to see if Qualitor accepts again. */
    public boolean probe(Instant now, Duration every) {
        if (!state().paused()) {
            return false;
        }
        SendingPause p = locked();
        boolean go = p.probe(now, every);
        remember(p);
        return go;
    }

    /** The pause as stored now, for the administrator's page. */
    public Optional<State> current() {
        State s = remember(em.find(SendingPause.class, SendingPause.ID));
        return Optional.of(s);
    }

    private SendingPause locked() {
        return em.find(SendingPause.class, SendingPause.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    private State remember(SendingPause p) {
        State s = state(p);
        last = new Read(s, clock.millis());
        return s;
    }

    private static State state(SendingPause p) {
        return p == null ? new State(false, false, null, null, null)
                : new State(p.isPaused(), p.getStreakCount() > 0, p.getPausedCode(), p.getPausedMessage(), p.getPausedAt());
    }
}
