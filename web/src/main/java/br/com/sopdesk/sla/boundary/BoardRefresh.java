package br.com.sopdesk.sla.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Whether the SLA dashboard refreshes itself every 10 seconds. A supervisor who reads a table
 * closely, or follows it with a screen reader or a magnifier, pauses the refresh and resumes it
 * when done; the state lasts as long as the page.
 */
@Named
@ViewScoped
public class BoardRefresh implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean paused;

    public boolean isPaused() {
        return paused;
    }

    /** Pauses a running refresh, resumes a paused one. */
    public void toggle() {
        paused = !paused;
    }
}
