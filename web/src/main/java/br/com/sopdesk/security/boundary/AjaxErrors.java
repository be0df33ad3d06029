package br.com.sopdesk.security.boundary;

import br.com.sopdesk.platform.PersonalData;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An exception during an Ajax request never reaches the browser by its class name: Faces would
 * answer {@code <error-name>class java.lang.NullPointerException</error-name>} in the partial
 * response. Here it is logged (personal data masked) and the page is sent to the same screens a full
 * request gets: "page expired" for a view it cannot restore, the error page otherwise. Full
 * (non-Ajax) requests keep the container's error pages ({@link ErrorAnswers}).
 */
public class AjaxErrors extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(AjaxErrors.class.getName());

    public AjaxErrors(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            if (faces != null && faces.getPartialViewContext().isAjaxRequest() && events.hasNext()) {
                Throwable first = events.next().getContext().getException();
                events.remove();
                while (events.hasNext()) {
                    events.next();
                    events.remove();
                }
                boolean expired = causedBy(first, ViewExpiredException.class) || causedByName(first, "org.primefaces.csp.CspException");
                if (!expired) {
                    LOG.log(Level.WARNING, "Falha numa requisição Ajax de " + faces.getExternalContext().getRequestServletPath(),
                            PersonalData.mask(first));
                }
                // an answer already on its way is left as it is: never followed by the exception's name
                if (!faces.getExternalContext().isResponseCommitted()) {
                    try {
                        faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                                + (expired ? "/error/expired.xhtml" : "/error/500.xhtml"));
                    } catch (IOException e) {
                        throw new FacesException(e);
                    }
                }
                faces.responseComplete();
            }
            getWrapped().handle();
        }

        private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (type.isInstance(c)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean causedByName(Throwable t, String name) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c.getClass().getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
