package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.platform.Text;
import java.io.Serializable;
import java.util.List;

/**
 * What the setup check found ({@link QualitorSetupCheck}), for the admin page and API to word: each
 * check as codes and Qualitor's own words, and the request each SOP's sample would send.
 */
public record SetupReport(List<Check> checks, List<SampleRequest> samples) implements Serializable {

    /** How one check ended. */
    public enum Status { PASSED, FAILED, NOT_RUN }

    /**
     * One check: what was checked ({@code id}, and {@code subject} such as a code), how it ended, why
     * ({@code reason}, a code) and the facts to word it with ({@code args}: names and numbers as
     * text, sentences such as Qualitor's refusal as a {@link Text} rendered in the reader's language).
     */
    public record Check(String id, String subject, Status status, String reason, List<Object> args) implements Serializable {

        public boolean ok() {
            return status == Status.PASSED;
        }
    }

    /** A SOP's sample request as it would be sent (password masked), or why it could not be shown. */
    public record SampleRequest(String sop, String request, Text problem) implements Serializable {
    }

    public boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }
}
