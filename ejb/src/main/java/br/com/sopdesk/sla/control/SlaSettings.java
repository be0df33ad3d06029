package br.com.sopdesk.sla.control;

import br.com.sopdesk.platform.InstanceName;
import br.com.sopdesk.sla.entity.BrazilianHolidays;
import br.com.sopdesk.sla.entity.SyncAllowance;
import br.com.sopdesk.sla.entity.SyncCadence;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SLA monitor's settings, all MicroProfile Config keys with safe defaults (documented in the
 * README): the desk's time zone and holidays, how often clocks read Qualitor, which Qualitor
 * situations end a demand, the default policy, the claims and deliveries, and the optional webhook.
 */
@ApplicationScoped
public class SlaSettings {


    @Inject
    @ConfigProperty(name = "sopdesk.sla.zone", defaultValue = "America/Sao_Paulo")
    String zone;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.optional-holidays", defaultValue = "true")
    boolean optionalHolidays;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.extra-holidays")
    Optional<String> extraHolidays;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.default-policy", defaultValue = "RETORNO-24H")
    String defaultPolicy;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.closed-situations", defaultValue = "Encerrado,Fechado,Cancelado,Concluído")
    String closedSituations;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.far-minutes", defaultValue = "30")
    long farMinutes;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.near-minutes", defaultValue = "5")
    long nearMinutes;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.last-seconds", defaultValue = "60")
    long lastSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.breached-max-minutes", defaultValue = "60")
    long breachedMaxMinutes;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.calls-per-second", defaultValue = "50")
    double callsPerSecond;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.burst-seconds", defaultValue = "20")
    long burstSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.deferral-factor", defaultValue = "12")
    int deferralFactor;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.sync.look-seconds", defaultValue = "120")
    long lookSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.breach-fresh-seconds", defaultValue = "15")
    long breachFreshSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.delivery-interval-seconds", defaultValue = "5")
    long deliveryIntervalSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.delivery-budget-seconds", defaultValue = "30")
    long deliveryBudgetSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.webhook-url")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.wake-gap-millis", defaultValue = "1000")
    long wakeGapMillis;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.scan-batch", defaultValue = "500")
    int scanBatch;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.parallelism", defaultValue = "4")
    int parallelism;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.round-millis", defaultValue = "1000")
    long roundMillis;

    @Inject
    @ConfigProperty(name = "sopdesk.sla.dashboard-url", defaultValue = "http://localhost:8080/sopdesk/supervisor/")
    String dashboardUrl;

    private BrazilianHolidays holidays;
    private SyncCadence cadence;
    private SyncAllowance allowance;

    @PostConstruct
    void init() {
        Set<LocalDate> extra = new HashSet<>();
        extraHolidays.ifPresent(list -> {
            for (String day : list.split("[,;\\s]+")) {
                if (!day.isBlank()) {
                    extra.add(LocalDate.parse(day.strip()));
                }
            }
        });
        holidays = new BrazilianHolidays(optionalHolidays, extra);
        cadence = new SyncCadence(Duration.ofMinutes(farMinutes), Duration.ofMinutes(nearMinutes), Duration.ofHours(2),
                Duration.ofSeconds(lastSeconds), Duration.ofMinutes(10), Duration.ofMinutes(Math.max(1, breachedMaxMinutes)));
        allowance = new SyncAllowance(callsPerSecond, Duration.ofSeconds(Math.max(1, burstSeconds)), Math.max(1, deferralFactor));
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public BrazilianHolidays holidays() {
        return holidays;
    }

    public SyncCadence cadence() {
        return cadence;
    }

    /** The group's budget of Qualitor calls for SLA reads ({@code sopdesk.sla.sync.calls-per-second}, burst, deferral). */
    public SyncAllowance allowance() {
        return allowance;
    }

    /** A clock someone looks at is read again when its last reading is older than this. */
    public Duration lookFreshness() {
        return Duration.ofSeconds(Math.max(0, lookSeconds));
    }

    public String defaultPolicy() {
        return defaultPolicy;
    }

    public String closedSituations() {
        return closedSituations;
    }

    public Optional<String> webhookUrl() {
        return webhookUrl.filter(u -> !u.isBlank());
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public int scanBatch() {
        return Math.max(1, scanBatch);
    }

    public int parallelism() {
        return Math.max(1, parallelism);
    }

    /** About how long a scan round should take ({@link RoundSize}). */
    public Duration roundTime() {
        return Duration.ofMillis(Math.max(1, roundMillis));
    }

    /** A breach is raised on a Qualitor reading at most this old; an older one is read again first. */
    public Duration breachFreshness() {
        return Duration.ofSeconds(Math.max(0, breachFreshSeconds));
    }

    /** How often each instance sends the alert deliveries that are due, apart from the scans. */
    public Duration deliveryInterval() {
        return Duration.ofSeconds(Math.max(1, deliveryIntervalSeconds));
    }

    /** How long one round of deliveries may go on before it leaves the rest to the next round. */
    public Duration deliveryBudget() {
        return Duration.ofSeconds(Math.max(1, deliveryBudgetSeconds));
    }

    /**
     * The shortest time between two scans woken by alerts on this instance: alerts due within it are
     * raised together, so a dense stream of deadlines costs a scan per gap, not one per alert.
     */
    public Duration wakeGap() {
        return Duration.ofMillis(Math.max(0, wakeGapMillis));
    }

    public String dashboardUrl() {
        return dashboardUrl;
    }

    public String instance() {
        return InstanceName.get();
    }
}
