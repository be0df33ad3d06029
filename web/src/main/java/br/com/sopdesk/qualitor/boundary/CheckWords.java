package br.com.sopdesk.qualitor.boundary;

import br.com.sopdesk.platform.Text;
import br.com.sopdesk.qualitor.control.SetupReport;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Words a setup check's results for people, from the message bundle ({@code qualitor.check.<id>.*}):
 * its name, what Qualitor answered and what to change. Shared by the page and the REST answer, so
 * both say the same thing.
 */
public final class CheckWords {

    /** One check in words. */
    public record Worded(String id, String subject, String name, boolean ok, String status, String statusText, String detail, String fix) {
    }

    /** A SOP's sample request, or why it could not be shown, in words. */
    public record WordedSample(String sop, String request, String problem) {
    }

    private CheckWords() {
    }

    public static List<Worded> of(SetupReport report, Locale locale) {
        ResourceBundle msg = ResourceBundle.getBundle("br.com.sopdesk.i18n.messages", locale, CheckWords.class.getClassLoader());
        List<Worded> out = new ArrayList<>();
        for (SetupReport.Check c : report.checks()) {
            Object[] args = new Object[c.args().size() + 1];
            args[0] = c.subject() == null ? "" : c.subject();
            for (int i = 0; i < c.args().size(); i++) {
                Object a = c.args().get(i);
                args[i + 1] = a instanceof Text t ? t.in(locale) : a;
            }
            String base = "qualitor.check." + c.id();
            out.add(new Worded(c.id(), c.subject(), format(msg, base + ".name", args, locale).strip(), c.ok(), c.status().name(),
                    text(msg, "qualitor.check.status." + c.status().name(), c.status().name()),
                    format(msg, base + "." + c.reason(), args, locale), c.ok() ? null : optional(msg, base + "." + c.reason() + ".fix", args, locale)));
        }
        return out;
    }

    public static List<WordedSample> samples(SetupReport report, Locale locale) {
        return report.samples().stream()
                .map(s -> new WordedSample(s.sop(), s.request(), s.problem() == null ? null : s.problem().in(locale))).toList();
    }

    private static String format(ResourceBundle msg, String key, Object[] args, Locale locale) {
        String pattern = text(msg, key, null);
        if (pattern == null) {
            return key + " " + java.util.Arrays.toString(args);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    private static String optional(ResourceBundle msg, String key, Object[] args, Locale locale) {
        return text(msg, key, null) == null ? null : format(msg, key, args, locale);
    }

    private static String text(ResourceBundle msg, String key, String otherwise) {
        try {
            return msg.getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
