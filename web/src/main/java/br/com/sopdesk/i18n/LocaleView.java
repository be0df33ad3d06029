package br.com.sopdesk.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/** The user's language: pt-BR unless English was chosen in the header. Kept for the session. */
@Named
@SessionScoped
public class LocaleView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private Locale locale = PT_BR;

    public Locale getLocale() {
        return locale;
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    /** Switches language and reloads the current page, keeping its view parameters (e.g. the SOP open). */
    public void choose(String language) throws IOException {
        locale = "en".equals(language) ? Locale.ENGLISH : PT_BR;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        String url = faces.getApplication().getViewHandler()
                .getBookmarkableURL(faces, faces.getViewRoot().getViewId(), Map.of(), true);
        faces.getExternalContext().redirect(url);
    }
}
