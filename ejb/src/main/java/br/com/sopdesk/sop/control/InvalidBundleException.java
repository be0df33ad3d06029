package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.BundleCheck;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** A SOP bundle refused before anything was stored, with each problem's line and reason. */
@ApplicationException(rollback = true)
public class InvalidBundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<BundleCheck.Problem> problems;
    private final boolean tooLarge;

    public InvalidBundleException(List<BundleCheck.Problem> problems) {
        this(problems, false);
    }

    private InvalidBundleException(List<BundleCheck.Problem> problems, boolean tooLarge) {
        super("invalid SOP bundle: " + problems.stream().map(Object::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.tooLarge = tooLarge;
    }

    /** A bundle past the size limit ({@code sopdesk.sop.max-bytes}), refused before parsing. */
    public static InvalidBundleException tooLarge(int maxBytes) {
        return new InvalidBundleException(List.of(new BundleCheck.Problem(0, "sop.bundle.too-large-setting", maxBytes / 1024)), true);
    }

    /** 413 for a bundle too large, 422 for any other problem. */
    public int httpStatus() {
        return tooLarge ? 413 : 422;
    }

    public List<BundleCheck.Problem> problems() {
        return problems;
    }
}
