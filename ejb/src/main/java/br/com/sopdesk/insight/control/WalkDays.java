package br.com.sopdesk.insight.control;

import br.com.sopdesk.platform.InstanceName;
import br.com.sopdesk.sla.control.SlaSettings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Keeps {@code sop_walk_day} up to date, so the figures of a long period read a few rows per day
 * instead of every walk: each closed day (in {@code sopdesk.sla.zone}, two hours past its end, when
 * its open walks count as abandoned) is counted once, and the last two closed days again at every
 * run, for walks that ended after their day. One instance at a time (the job's lease); a day per
 * transaction, so a first run over a year of walks goes in steps.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalkDays {

    static final Duration LEASE = Duration.ofMinutes(10);

    @EJB
    WalkDayStore store;

    @Inject
    SlaSettings settings;

    @Inject
    Clock clock;

    /** One run: counts the days not counted yet (and the last two again); returns how many days it counted. */
    public int run() {
        Instant now = clock.instant();
        if (!store.takeLease(InstanceName.get(), now, LEASE)) {
            return 0;
        }
        return roll(now, zone(), now.plus(LEASE.dividedBy(2)));
    }

    int roll(Instant now, ZoneId zone, Instant stopBy) {
        LocalDate last = closedThrough(now, zone);
        LocalDate day = store.rolledThrough().map(d -> d.minusDays(1))
                .or(() -> store.firstStart().map(first -> first.atZone(zone).toLocalDate()))
                .orElse(null);
        int rolled = 0;
        for (; day != null && !day.isAfter(last) && clock.instant().isBefore(stopBy); day = day.plusDays(1)) {
            store.roll(day, start(day, zone), start(day.plusDays(1), zone));
            rolled++;
        }
        return rolled;
    }

    /** The last day whose walks no longer count as in progress: it ended two hours ago or more. */
    static LocalDate closedThrough(Instant now, ZoneId zone) {
        return now.minus(WalkInsights.ABANDONED_AFTER).atZone(zone).toLocalDate().minusDays(1);
    }

    static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    ZoneId zone() {
        return settings.zone();
    }
}
