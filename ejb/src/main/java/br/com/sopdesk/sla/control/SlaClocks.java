package br.com.sopdesk.sla.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.sla.entity.AgentTeam;
import br.com.sopdesk.sla.entity.ClockPolicy;
import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.Happening;
import br.com.sopdesk.sla.entity.PolicyAssignment;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.SlaRefusal;
import br.com.sopdesk.sla.entity.SlaText;
import br.com.sopdesk.sla.entity.SlaSubscriber;
import br.com.sopdesk.ticket.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a demand's SLA clock in the very transaction that records its Qualitor number, and keeps
 * what administrators and supervisors set around clocks: policies and which SOP follows which,
 * teams, alert subscriptions and acknowledgements (all audited).
 */
@Stateless
public class SlaClocks {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SlaClocks.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SlaSettings settings;

    @EJB
    AuditLog audit;

    @Inject
    Clock time;

    @Inject
    Event<ClockDue> clockDue;

    /**
     * A demand reached Qualitor: its clock starts from when the agent registered it. Called once per
     * ticket ({@link ClockStarter}), in the transaction that moves it to SENT (a second one would
     * fail on the ticket's version, and on the clock's unique ticket).
     */
    public void started(Ticket t) {
        ClockPolicy policy = policyOf(t.getSopId());
        AgentTeam team = em.find(AgentTeam.class, t.getCreatedBy());
        List<Happening> timeline = new ArrayList<>();
        ClockSubject subject = new ClockSubject(t.getId(), t.getQualitorNumber(), t.getSopId(), t.getTitle(),
                t.getIntake().getCustomerName(), t.getCreatedBy(), team == null ? null : team.getTeam());
        SlaClock clock = SlaClock.start(subject, policy, t.getCreatedAt(), settings.holidays(), settings.zone(), time.instant(),
                settings.cadence(), timeline);
        em.persist(clock);
        em.flush();
        timeline.forEach(h -> em.persist(new SlaEvent(clock.getId(), h)));
        if (clock.getAlerts().getNextAlertAt() != null) {
            clockDue.fire(new ClockDue(clock.getAlerts().getNextAlertAt()));
        }
    }

    /**
     * The policy a SOP follows: its assignment, or the default one. Read by id, from the shared cache
     * when there (no flush of the demand's pending changes either way).
     */
    ClockPolicy policyOf(String sopId) {
        PolicyAssignment a = em.find(PolicyAssignment.class, sopId);
        ClockPolicy policy = em.find(ClockPolicy.class, a == null ? settings.defaultPolicy() : a.getPolicyCode());
        if (policy == null) {
            policy = em.find(ClockPolicy.class, settings.defaultPolicy());
        }
        if (policy == null) {
            // a misconfigured default must not stop a demand from being recorded: the seeds' promise
            LOG.warning(() -> "Política de SLA padrão não encontrada (" + settings.defaultPolicy() + "): usando 24 horas corridas");
            policy = new ClockPolicy("RETORNO-24H");
            policy.define("Retorno ao cliente em 24 horas corridas", 1440, false, "08:00", "18:00", null, 75, 240, "sistema", time.instant());
        }
        return policy;
    }

    public List<ClockPolicy> policies() {
        return em.createNamedQuery(ClockPolicy.ALL, ClockPolicy.class).getResultList();
    }

    public Optional<ClockPolicy> policy(String code) {
        return Optional.ofNullable(em.find(ClockPolicy.class, code));
    }

    public List<PolicyAssignment> assignments() {
        return em.createNamedQuery(PolicyAssignment.ALL, PolicyAssignment.class).getResultList();
    }

    /** Creates or changes a policy; running clocks keep the rules they started with. */
    public ClockPolicy savePolicy(String code, String name, int durationMinutes, boolean businessHours, String workStart,
                                  String workEnd, String pauseSituations, int atRiskPercent, int reminderMinutes, String by) {
        if (code == null || !code.strip().matches("[A-Za-z0-9_-]{2,40}")) {
            throw new SlaRefusal("sla.refusal.policy.code");
        }
        String key = code.strip().toUpperCase(java.util.Locale.ROOT);
        ClockPolicy policy = em.find(ClockPolicy.class, key);
        boolean created = policy == null;
        if (created) {
            policy = new ClockPolicy(key);
        }
        policy.define(name, durationMinutes, businessHours, workStart, workEnd, pauseSituations, atRiskPercent, reminderMinutes, by, time.instant());
        if (created) {
            em.persist(policy);
        }
        audit.record(by, created ? "sla.politica.criada" : "sla.politica.alterada", "política " + key,
                durationMinutes + " min, " + (businessHours ? "horas úteis " + policy.getRules().getWorkStart() + "–" + policy.getRules().getWorkEnd() : "horas corridas")
                        + ", risco em " + atRiskPercent + "%, lembrete a cada " + reminderMinutes + " min"
                        + (policy.getRules().getPauseSituations() == null ? "" : ", pausa em: " + policy.getRules().getPauseSituations()));
        return policy;
    }

    /** Makes a SOP's future escalations follow a policy ({@code null} code: back to the default). */
    public void assign(String sopId, String policyCode, String by) {
        PolicyAssignment a = em.find(PolicyAssignment.class, sopId);
        if (policyCode == null || policyCode.isBlank()) {
            if (a != null) {
                em.remove(a);
            }
        } else {
            if (em.find(ClockPolicy.class, policyCode) == null) {
                throw new SlaRefusal("sla.refusal.policy.unknown", SlaText.text(policyCode));
            }
            if (a == null) {
                em.persist(new PolicyAssignment(sopId, policyCode));
            } else {
                a.assign(policyCode);
            }
        }
        audit.record(by, "sla.politica.sop", "SOP " + sopId, policyCode == null || policyCode.isBlank() ? "política padrão" : "política " + policyCode);
    }

    public void team(String username, String team, String by) {
        AgentTeam t = em.find(AgentTeam.class, username);
        if (t == null) {
            em.persist(new AgentTeam(username, team));
        } else {
            t.moveTo(team);
        }
        audit.record(by, "sla.equipe", "usuário " + username, "equipe " + team);
    }

    public Optional<SlaSubscriber> subscriber(String username) {
        return Optional.ofNullable(em.find(SlaSubscriber.class, username));
    }

    /** A supervisor's e-mail address and quiet hours for alerts. */
    public SlaSubscriber subscribe(String username, String email, String quietFrom, String quietUntil, boolean active) {
        SlaSubscriber s = em.find(SlaSubscriber.class, username);
        boolean created = s == null;
        if (created) {
            s = new SlaSubscriber(username);
        }
        s.settings(email, quietFrom, quietUntil, active);
        if (created) {
            em.persist(s);
        }
        audit.record(username, "sla.alertas.inscricao", "usuário " + username,
                (active ? "recebe" : "não recebe") + " alertas por e-mail" + (s.getQuietFrom() == null ? "" : ", silêncio " + s.getQuietFrom() + "–" + s.getQuietUntil()));
        return s;
    }

    /**
     * A supervisor acknowledges an alert with a comment; the comment goes on the alert and the
     * clock's timeline (retention clears both) and the audit trail only points to it. A conditional
     * update, so of two acknowledgements at once only one is taken; the other is refused.
     */
    public SlaAlert acknowledge(long alertId, String by, String comment) {
        SlaAlert alert = em.find(SlaAlert.class, alertId);
        if (alert == null) {
            throw new SlaRefusal("sla.refusal.alert.unknown", SlaText.text(String.valueOf(alertId)));
        }
        String note = SlaAlert.acknowledgementComment(comment);
        Instant now = time.instant();
        int won = em.createNamedQuery(SlaAlert.ACKNOWLEDGE).setParameter("id", alertId).setParameter("by", by)
                .setParameter("comment", note).setParameter("at", br.com.sopdesk.platform.Utc.of(now)).executeUpdate();
        em.refresh(alert);
        if (won == 0) {
            throw new SlaRefusal("sla.refusal.alert.acknowledged", SlaText.text(alert.getAcknowledgedBy()));
        }
        em.persist(new SlaEvent(alert.getClockId(), new Happening(now, "ACKNOWLEDGED", "event.ACKNOWLEDGED",
                SlaText.text(alert.getLevel()), SlaText.text(by), SlaText.text(note))));
        // the comment itself stays on the alert (the retention job clears it later); the append-only trail only points to it
        audit.record(by, "sla.alerta.reconhecido", "demanda " + alert.getDemandNumber(), alert.getLevel() + " (alerta " + alert.getId() + ")");
        return alert;
    }
}
