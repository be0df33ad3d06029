package br.com.sopdesk.ticket.boundary;

import br.com.sopdesk.ticket.control.SummaryHandOff;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops the summary hand-off as soon as the application starts stopping. Payara stops the EAR's web
 * module first, then its EJB module, and destroys the application-scoped beans last: a hand-off
 * left to its own {@code @PreDestroy} went on running queued summaries against an EJB container
 * already undeployed, each one an error in the log (nothing was lost: their claims lapse to the
 * outbox timer, which attaches them from whichever instance is still up).
 */
@WebListener
public class SummaryHandOffStop implements ServletContextListener {

    @Inject
    SummaryHandOff handOff;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        handOff.stop();
    }
}
