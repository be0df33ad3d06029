package br.com.sopdesk.sla.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How many clocks a scan claims per round: as many as its workers settle in about the target time
 * at the pace of the rounds before, between one per worker and the scan batch. An alert that falls
 * due during a round is claimed at the next one (alert-due clocks go first), so the round's length
 * bounds its delay: a fixed batch, each clock with a slow Qualitor read, made rounds of many seconds
 * and alerts as late. Without reads a round settles the whole batch well within the target.
 * Held in memory per instance (the scan beans are pooled, the pace is the instance's): it decides
 * how much to take at once, never what is due.
 */
@ApplicationScoped
public class RoundSize {

    @Inject
    SlaSettings settings;

    private int workers;
    private int max;
    private long targetMicros;
    /** The smoothed time one worker took per clock, in microseconds; 0 before the first round. */
    private long perClockMicros;

    /** For CDI. */
    RoundSize() {
    }

    RoundSize(int workers, int max, long targetMillis) {
        size(workers, max, targetMillis);
    }

    @PostConstruct
    void init() {
        size(settings.parallelism(), settings.scanBatch(), settings.roundTime().toMillis());
    }

    private void size(int workers, int max, long targetMillis) {
        this.workers = Math.max(1, workers);
        this.max = Math.max(this.workers, max);
        this.targetMicros = Math.max(1, targetMillis) * 1000;
    }

    /** The size of the next round: a first round takes a few clocks per worker to learn the pace. */
    public synchronized int next() {
        if (perClockMicros == 0) {
            return Math.min(max, workers * 4);
        }
        long fits = workers * targetMicros / perClockMicros;
        return (int) Math.max(workers, Math.min(max, fits));
    }

    /** A round settled {@code clocks} clocks in {@code millis}: the pace moves halfway towards it. */
    public synchronized void done(int clocks, long millis) {
        if (clocks <= 0) {
            return;
        }
        long measured = Math.max(1, millis * 1000 * Math.min(workers, clocks) / clocks);
        perClockMicros = perClockMicros == 0 ? measured : (perClockMicros + measured) / 2;
    }
}
