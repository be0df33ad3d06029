package br.com.sopdesk.demand.control;

import br.com.sopdesk.platform.Text;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 004 restarts only a finished demand ("Após acessar uma demanda finalizada"): which Qualitor
 * situations are finished is the installation's setting ({@code qualitor.finished-situations}, the
 * situation names as Qualitor lists them); a cancelled demand is never restarted, whatever the setting says.
 *
 * @param finishedSituations the setting's value, comma-separated
 */
public record RestartRule(String finishedSituations) {

    /** What a situation means for a restart. */
    public enum Verdict { FINISHED, NOT_FINISHED, CANCELLED }

    public Verdict of(String situation) {
        String s = situation == null ? "" : situation.strip();
        if (s.toLowerCase(Locale.ROOT).contains("cancelad")) {
            return Verdict.CANCELLED;
        }
        boolean listed = finishedSituations != null && Arrays.stream(finishedSituations.split("[,;\\n]")).map(RestartRule::plain)
                .anyMatch(entry -> !entry.isEmpty() && entry.equals(plain(s)));
        return listed ? Verdict.FINISHED : Verdict.NOT_FINISHED;
    }

    /** Compared without case, accents or surrounding spaces, as the SLA's situation lists are. */
    private static String plain(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Why demand {@code number} in {@code situation} cannot be restarted; empty when it can. */
    public Optional<Text> refusal(String number, String situation) {
        return switch (of(situation)) {
            case FINISHED -> Optional.empty();
            case CANCELLED -> Optional.of(Text.of("demand.cancelled", number, situation));
            case NOT_FINISHED -> Optional.of(Text.of("demand.not-finished", number, situation == null || situation.isBlank() ? "?" : situation.strip()));
        };
    }
}
