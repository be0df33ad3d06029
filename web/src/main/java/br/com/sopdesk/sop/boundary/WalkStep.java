package br.com.sopdesk.sop.boundary;

import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.sop.entity.SopWalk;

/**
 * A CDI event of the guided page: a walk began ({@code started}) or moved after an answer. Whoever
 * keeps track of walks (the insights' records) observes it, so the page does not depend on them.
 */
public record WalkStep(SopBundle bundle, SopWalk walk, boolean started) {
}
