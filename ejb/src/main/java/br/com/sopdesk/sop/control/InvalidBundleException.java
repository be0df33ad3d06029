package br.com.sopdesk.sop.control;

import br.com.sopdesk.sop.entity.BundleCheck;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** A SOP bundle refused before anything was stored, with each problem's line and reason. */
@ApplicationException(rollback = true)
public class InvalidBundleException extends RuntimeException {

    private final List<BundleCheck.Problem> problems;

    public InvalidBundleException(List<BundleCheck.Problem> problems) {
        super("pacote de SOP inválido: " + problems.stream().map(Object::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<BundleCheck.Problem> problems() {
        return problems;
    }
}
