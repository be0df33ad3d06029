package br.com.sopdesk.sla.boundary;

import br.com.sopdesk.sla.control.SlaSettings;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaDelivery;
import br.com.sopdesk.sla.entity.SlaEvent;
import br.com.sopdesk.sla.entity.SlaRefusal;
import br.com.sopdesk.sla.entity.SlaText;
import br.com.sopdesk.platform.UserFacing;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * Says what the SLA monitor stored as text codes — timeline lines, alert explanations, why a
 * delivery was withdrawn, refusals — in the page's language, with times in the desk's zone.
 */
@Named
@RequestScoped
public class SlaTexts {

    @Inject
    SlaSettings settings;

    public String detail(SlaEvent e) {
        return e.getText().render(locale(), settings.zone());
    }

    public String explanation(SlaAlert a) {
        return a.explanation(locale(), settings.zone());
    }

    /** A delivery's last refusal, or why it was withdrawn. */
    public String reason(SlaDelivery d) {
        return d.getLastError() == null ? null : SlaText.decode(d.getLastError()).render(locale(), settings.zone());
    }

    /** What went wrong in an action, for a Faces message: the SLA monitor's refusals in the page's language. */
    public static String message(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause instanceof SlaRefusal r ? r.message(locale()) : UserFacing.textOf(cause).in(locale());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
