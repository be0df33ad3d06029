package br.com.sopdesk.sla.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaDelivery;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.SlaSubscriber;
import br.com.sopdesk.sla.entity.SlaText;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts alerts in the ledger and hands them to their channels. Raising runs inside the scan's
 * transaction for the clock: the ledger row, its deliveries and the clock's move past the level
 * commit together. The unique key on (demand, policy, level, deadline version) is the last word:
 * a level already in the ledger is never raised again, whoever scans.
 */
@Stateless
public class SlaAlerts {

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

    @Inject
    AuditLog audit;

    /** Raises {@code level} for the clock unless the ledger has it; returns whether it was new. */
    public boolean raise(SlaClock clock, String level, Instant now, List<Happening> pending, List<Happening> added) {
        long known = em.createNamedQuery(SlaAlert.EXISTS, Long.class)
                .setParameter("demand", clock.getDemandNumber()).setParameter("policy", clock.getPolicy().getCode())
                .setParameter("level", level).setParameter("version", clock.getDeadlineVersion()).getSingleResult();
        if (known > 0) {
            return false;
        }
        List<Happening> story = new ArrayList<>();
        em.createNamedQuery(SlaEvent.OF_CLOCK, SlaEvent.class).setParameter("clock", clock.getId()).getResultList()
                .forEach(e -> story.add(e.happening()));
        story.addAll(pending);
        story.addAll(added);
        Happening alerted = clock.getDeadlineVersion() > 1
                ? new Happening(now, "ALERT", "event.ALERT.revised", SlaText.level(level), SlaText.time(clock.getDeadlineAt()),
                        SlaText.text(String.valueOf(clock.getDeadlineVersion())))
                : new Happening(now, "ALERT", "event.ALERT", SlaText.level(level), SlaText.time(clock.getDeadlineAt()));
        story.add(alerted);
        added.add(alerted);
        SlaAlert alert = new SlaAlert(clock, level, now, settings.instance(), story);
        em.persist(alert);
        em.flush();
        for (SlaSubscriber s : em.createNamedQuery(SlaSubscriber.ACTIVE, SlaSubscriber.class).getResultList()) {
            Instant when = alert.breach() ? now : s.sendableAt(now, settings.zone());
            em.persist(new SlaDelivery(alert.getId(), SlaDelivery.EMAIL, s.getEmail(), when));
        }
        settings.webhookUrl().ifPresent(url -> em.persist(new SlaDelivery(alert.getId(), SlaDelivery.WEBHOOK, url, now)));
        audit.record("sistema", "sla.alerta", "demanda " + clock.getDemandNumber(), SlaText.describe(level, SlaText.PT)
                + " (política " + clock.getPolicy().getCode() + ", prazo versão " + clock.getDeadlineVersion() + ")");
        return true;
    }

    /**
     * What the claimed delivery sends, or nothing when the alert went stale while the delivery waited
     * (clock met, alert acknowledged, deadline moved): that delivery is withdrawn with the reason.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Outgoing> outgoing(long id) {
        SlaDelivery d = em.find(SlaDelivery.class, id);
        SlaAlert a = em.find(SlaAlert.class, d.getAlertId());
        SlaClock c = em.find(SlaClock.class, a.getClockId());
        Optional<String> stale = a.staleness(c, settings.zone());
        if (stale.isPresent()) {
            d.withdraw(stale.get());
            return Optional.empty();
        }
        return Optional.of(new Outgoing(d.getId(), d.getChannel(), d.getRecipient(), a, c));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SlaDelivery delivered(long id, Instant at) {
        SlaDelivery d = em.find(SlaDelivery.class, id);
        d.sent(at);
        return d;
    }

    /** What one delivery sends: the alert and its clock as they stood when it was claimed. */
    public record Outgoing(long deliveryId, String channel, String recipient, SlaAlert alert, SlaClock clock) {
    }
}
