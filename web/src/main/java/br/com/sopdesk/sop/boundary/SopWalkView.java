package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SopReading;
import br.com.sopdesk.sop.entity.SopWalk;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds the steps of the guided SOP page: the answers picking the path and the path they lead to,
 * worked out when the page opens and after each answer (never on a render). Answers to questions
 * no longer on the path are kept, so changing an earlier answer back restores the rest. A required
 * reading, once confirmed, is kept the same way, as its step's answer. Each start and step of the
 * walk is told as a {@link WalkStep} event, for the records of what the SOPs achieve.
 */
@Named
@ViewScoped
public class SopWalkView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SopPage page;

    @Inject
    Event<WalkStep> steps;

    private Map<String, String> answers = new HashMap<>();
    private SopWalk walk;

    /** View action: the path at the start, or where the answers carried from another SOP lead. */
    public void start() {
        if (page.getBundle() != null) {
            walk = SopWalk.of(page.getBundle(), answers);
            told(true);
        }
    }

    /** Continues with the answers given in another SOP of the same call (the desk's {@code SopSwitch}). */
    public void carry(Map<String, String> carried) {
        answers = new HashMap<>(carried);
    }

    /** Ajax listener after any answer: the path from the answers, for this render and the next. */
    public void answered() {
        walk = SopWalk.of(page.getBundle(), answers);
        told(false);
    }

    /** Tells the walk's step to the records of what the SOPs achieve; an administrator's preview of a draft is not a walk. */
    private void told(boolean started) {
        if (!page.isPreview()) {
            steps.fire(new WalkStep(page.getBundle(), walk, started));
        }
    }

    /**
     * Ajax action of "Li o documento": the agent confirms the required reading of the step the walk
     * waits at, recorded as that step's answer, and the walk goes on.
     */
    public void read(String nodeId) {
        if (walk != null && walk.pendingReading() != null && walk.current().id().equals(nodeId)) {
            answers.put(nodeId, SopReading.READ);
            answered();
        }
    }

    /** How a ticket opened where the walk stands is classified (the outcome's own over the SOP's). */
    public QualitorMapping getClassification() {
        return page.getBundle().classification(walk == null ? null : walk.current());
    }

    public SopWalk getWalk() {
        return walk;
    }

    public Map<String, String> getAnswers() {
        return answers;
    }
}
