package br.com.sopdesk.sla.control;

import jakarta.persistence.EntityManager;

/** The SLA board over a test's entity manager, for tests of other features that read attainment through it. */
public final class SlaBoards {

    private SlaBoards() {
    }

    public static SlaBoard over(EntityManager em) {
        SlaBoard board = new SlaBoard();
        board.em = em;
        return board;
    }
}
