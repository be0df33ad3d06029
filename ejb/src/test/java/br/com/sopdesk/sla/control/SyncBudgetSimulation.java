package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.ReadPriority;
import br.com.sopdesk.sla.entity.SyncAllowance;
import br.com.sopdesk.sla.entity.SyncBudget;
import br.com.sopdesk.sla.entity.SyncCadence;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A discrete-event simulation of the SLA reads of a desk of {@code bench.clocks} open clocks
 * (1,000,000) over a moved clock: deadlines spread over 24 h, a new clock every 1/11.6 s replacing
 * the one that reached its deadline (the worst case: no clock is met before its breach read). It
 * drives the product's own {@link SyncCadence} (when to read, which band), {@link SyncAllowance}
 * (deferral) and {@link SyncBudget} (the token bucket, on moved instants); what it adds is the
 * scan: a tick a second (the woken scans), clocks taken in due order, the breach read first when a
 * deadline passes on a reading older than 15 s, at most {@code bench.parallelism} reads in flight of
 * two calls at {@code bench.latencyMillis} each. It runs {@code bench.warmupHours} (25: every clock
 * measured started in the run) and then measures {@code bench.hours} (1): Qualitor calls/s, reads
 * denied/s (each a clock's turn in the database without a read), and the age of each clock's last
 * reading (since it started when never read) sampled every 5 minutes, by band. Scenarios: today
 * (no budget), the budget alone (polling only), the budget with announced changes and looks.
 * A benchmark, not a test: it prints and asserts nothing.
 * Run: {@code ./mvnw -B -o -pl ejb -am test -Dtest=SyncBudgetSimulation -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SyncBudgetSimulation {

    static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    static final long DAY = 86_400_000L;
    static final long FRESH = 15_000L;
    static final long LOOK_FRESH = 120_000L;

    record Scenario(String name, SyncAllowance allowance, double announcesPerClock, double looksPerSecond) {
    }

    @Test
    void simulate() {
        int clocks = Integer.getInteger("bench.clocks", 1_000_000);
        double rate = Double.parseDouble(System.getProperty("bench.callsPerSecond", "50"));
        SyncAllowance budget = new SyncAllowance(rate, Duration.ofSeconds(20), 12);
        List<Scenario> scenarios = List.of(
                new Scenario("today: no budget", SyncAllowance.UNLIMITED, 0, 0),
                new Scenario("budget, polling only", budget, 0, 0),
                new Scenario("budget, 1 announcement per clock, 1 look/s", budget, 1, 1));
        System.out.printf(Locale.ROOT, "%,d open clocks, %s calls/s, parallelism %d, latency %d ms%n", clocks, rate,
                Integer.getInteger("bench.parallelism", 8), Long.getLong("bench.latencyMillis", 100));
        for (Scenario s : scenarios) {
            new Desk(clocks, s).run();
        }
    }

    /** The open clocks in arrays (slot per clock), their due times in a heap with lazy removal. */
    static final class Desk {
        final Scenario scenario;
        final int n;
        final long[] deadline;
        final long[] nextSync;
        final long[] lastRead;
        final boolean[] asked;
        final int[] version;
        final Heap due = new Heap();
        final SyncCadence cadence = SyncCadence.DEFAULT;
        final SyncBudget budget;
        final SplittableRandom random = new SplittableRandom(24);
        final long readsPerTick;
        final long arrivalGap;
        long calls;
        long denied;
        final Map<ReadPriority, Long> reads = new EnumMap<>(ReadPriority.class);
        final long[] minuteCalls = new long[24 * 60 * 3];
        final Ages[] bands = {new Ages("<= 10 min"), new Ages("<= 2 h"), new Ages("farther")};
        final Ages breachAge = new Ages("breach reading");
        final Ages breachLag = new Ages("breach decided after the deadline");
        boolean measuring;

        Desk(int n, Scenario scenario) {
            this.n = n;
            this.scenario = scenario;
            deadline = new long[n];
            nextSync = new long[n];
            lastRead = new long[n];
            asked = new boolean[n];
            version = new int[n];
            budget = SyncBudget.full(T0, scenario.allowance());
            int parallelism = Integer.getInteger("bench.parallelism", 8);
            long latency = Long.getLong("bench.latencyMillis", 100);
            readsPerTick = scenario.allowance().unlimited() ? Long.MAX_VALUE : parallelism * 1000L / (2 * latency);
            arrivalGap = DAY / n;
            for (int i = 0; i < n; i++) {
                // deadlines spread over the next 24 h; each started 24 h before it and plans its first read then
                deadline[i] = (long) (i + 1) * arrivalGap;
                long started = deadline[i] - DAY;
                lastRead[i] = started;
                nextSync[i] = started + cadence.after(Duration.ofMillis(DAY), false).toMillis();
                push(i);
            }
        }

        void push(int i) {
            version[i]++;
            due.add(Math.min(nextSync[i], deadline[i]), i, version[i]);
        }

        void run() {
            long warmup = Long.getLong("bench.warmupHours", 25) * 3_600_000L;
            long end = warmup + Long.getLong("bench.hours", 1) * 3_600_000L;
            double announceRate = scenario.announcesPerClock() * n / (DAY / 1000.0);
            for (long second = 1000; second <= end; second += 1000) {
                long t = second;
                measuring = t > warmup;
                poisson(announceRate, () -> announce(random.nextInt(n), t));
                poisson(scenario.looksPerSecond(), () -> look(random.nextInt(n), t));
                tick(t);
                if (measuring && (t - warmup) % 300_000 == 0) {
                    sample(t);
                }
            }
            report((end - warmup) / 1000.0, warmup);
        }

        void poisson(double perSecond, Runnable event) {
            int k = (int) perSecond + (random.nextDouble() < perSecond - (int) perSecond ? 1 : 0);
            for (int j = 0; j < k; j++) {
                event.run();
            }
        }

        /** ChangeAnnouncements: the read falls due now. */
        void announce(int i, long t) {
            asked[i] = true;
            if (nextSync[i] > t) {
                nextSync[i] = t;
                push(i);
            }
        }

        /** ClockLooks: the same, when the reading is older than the look's freshness. */
        void look(int i, long t) {
            if (t - lastRead[i] > LOOK_FRESH && !asked[i]) {
                announce(i, t);
            }
        }

        /**
         * One scan: the due clocks in due order; a read the budget grants starts when one of the
         * threads is free (the reads that do not fit in this second start in the next ones).
         */
        void tick(long t) {
            long started = 0;
            while (!due.isEmpty() && due.peekKey() <= t) {
                long payload = due.poll();
                int i = (int) payload;
                if ((int) (payload >>> 32) != version[i]) {
                    continue;  // moved since
                }
                boolean breach = deadline[i] <= t;
                ReadPriority p = breach && t - lastRead[i] > FRESH ? ReadPriority.BREACH
                        : breach ? null : cadence.priority(Duration.ofMillis(deadline[i] - t), false, asked[i],
                        Duration.ofMillis(t - lastRead[i]));
                long readAt = t;
                if (p != null && budget.take(p, SyncAllowance.CALLS_PER_READ, T0.plusMillis(t), scenario.allowance())) {
                    readAt = t + 1000 * (started++ / readsPerTick);
                    count(p, readAt);
                    if (breach && measuring) {
                        breachAge.add(0);
                    }
                    lastRead[i] = readAt;
                    asked[i] = false;
                } else if (p != null) {
                    denied += measuring ? 1 : 0;
                    nextSync[i] = t + cadence.deferred(Duration.ofMillis(deadline[i] - t), false, scenario.allowance()).toMillis();
                    push(i);
                    continue;
                } else if (measuring) {
                    breachAge.add(t - lastRead[i]);  // decided on a reading fresh enough already
                }
                if (breach) {
                    if (measuring) {
                        breachLag.add(readAt - deadline[i]);
                    }
                    arrive(i, t);
                } else {
                    nextSync[i] = readAt + cadence.after(Duration.ofMillis(deadline[i] - readAt), false).toMillis();
                    push(i);
                }
            }
        }

        void count(ReadPriority p, long t) {
            if (measuring) {
                calls += SyncAllowance.CALLS_PER_READ;
                reads.merge(p, 1L, Long::sum);
                minuteCalls[(int) (t / 60_000) % minuteCalls.length] += SyncAllowance.CALLS_PER_READ;
            }
        }

        /** The clock met or breached leaves; a new one starts now with its deadline 24 h ahead. */
        void arrive(int i, long t) {
            deadline[i] = t + DAY;
            lastRead[i] = t;
            asked[i] = false;
            nextSync[i] = t + cadence.after(Duration.ofMillis(DAY), false).toMillis();
            push(i);
        }

        void sample(long t) {
            for (int i = 0; i < n; i++) {
                long left = deadline[i] - t;
                bands[left <= 600_000 ? 0 : left <= 7_200_000 ? 1 : 2].add(t - lastRead[i]);
            }
        }

        void report(double seconds, long warmup) {
            long maxMinute = 0;
            for (long m = warmup / 60_000; m < warmup / 60_000 + (long) (seconds / 60); m++) {
                maxMinute = Math.max(maxMinute, minuteCalls[(int) (m % minuteCalls.length)]);
            }
            System.out.printf(Locale.ROOT, "%n== %s ==%n", scenario.name());
            System.out.printf(Locale.ROOT, "Qualitor calls/s: %.1f average, %.1f in the busiest minute; reads by priority %s; reads denied/s %.1f%n",
                    calls / seconds, maxMinute / 60.0, reads, denied / seconds);
            for (Ages a : bands) {
                System.out.println("age of the last reading, " + a);
            }
            System.out.println(breachAge);
            System.out.println(breachLag);
        }
    }

    /** Ages in milliseconds, counted by the second. */
    static final class Ages {
        final String name;
        final long[] bySecond = new long[2 * 86_400 + 1];
        long count;
        long max;

        Ages(String name) {
            this.name = name;
        }

        void add(long millis) {
            long s = Math.max(0, Math.min(bySecond.length - 1, millis / 1000));
            bySecond[(int) s]++;
            count++;
            max = Math.max(max, millis);
        }

        String at(double q) {
            long rank = (long) Math.ceil(q * count);
            long seen = 0;
            for (int s = 0; s < bySecond.length; s++) {
                seen += bySecond[s];
                if (seen >= rank && rank > 0) {
                    return human(s * 1000L);
                }
            }
            return "-";
        }

        static String human(long millis) {
            long s = millis / 1000;
            return s < 120 ? s + " s" : s < 7200 ? String.format(Locale.ROOT, "%.1f min", s / 60.0)
                    : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: p50 %s, p99 %s, max %s (%,d samples)", name, at(0.5), at(0.99), human(max), count);
        }
    }

    /** A binary min-heap of (due time, slot and version) on primitive arrays. */
    static final class Heap {
        long[] keys = new long[1 << 21];
        long[] values = new long[1 << 21];
        int size;

        boolean isEmpty() {
            return size == 0;
        }

        long peekKey() {
            return keys[0];
        }

        void add(long key, int slot, int version) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            int k = size++;
            long value = ((long) version << 32) | (slot & 0xffffffffL);
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[k] = keys[parent];
                values[k] = values[parent];
                k = parent;
            }
            keys[k] = key;
            values[k] = value;
        }

        long poll() {
            long result = values[0];
            size--;
            long key = keys[size];
            long value = values[size];
            int k = 0;
            while (true) {
                int child = 2 * k + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[k] = keys[child];
                values[k] = values[child];
                k = child;
            }
            keys[k] = key;
            values[k] = value;
            return result;
        }
    }
}
