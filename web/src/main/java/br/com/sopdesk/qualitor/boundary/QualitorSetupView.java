package br.com.sopdesk.qualitor.boundary;

import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.qualitor.control.InvalidSettingsException;
import br.com.sopdesk.qualitor.control.QualitorConnection;
import br.com.sopdesk.qualitor.control.QualitorSettingsStore;
import br.com.sopdesk.qualitor.control.QualitorSetupCheck;
import br.com.sopdesk.qualitor.control.SendingPauses;
import br.com.sopdesk.qualitor.control.SetupReport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the "Conexão com o Qualitor" page: the installation settings (typed values saved or checked
 * before saving), the setup check's results in words, each category's Qualitor team, and the pause
 * of sending. Data is loaded once per view and again after each action.
 */
@Named
@ViewScoped
public class QualitorSetupView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    QualitorSettingsStore store;

    @EJB
    QualitorSetupCheck check;

    @EJB
    SendingPauses pauses;

    @EJB
    Categories categories;

    @Inject
    QualitorConnection connection;

    /** One setting row as the page edits it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String saved;
        private final String defaultValue;
        private final String changedBy;
        private String value;

        Row(String key, String saved, String defaultValue, String changedBy) {
            this.key = key;
            this.saved = saved;
            this.defaultValue = defaultValue;
            this.changedBy = changedBy;
            this.value = saved;
        }

        public String getKey() {
            return key;
        }

        public String getDefaultValue() {
            return defaultValue;
        }

        public String getChangedBy() {
            return changedBy;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        boolean changed() {
            return !java.util.Objects.equals(value == null ? "" : value.strip(), saved == null ? "" : saved.strip());
        }
    }

    /** A category and the team typed for it. */
    public static final class TeamRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String name;
        private String team;

        TeamRow(Category c) {
            this.code = c.getCode();
            this.name = c.getName();
            this.team = c.getQualitorTeam();
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getTeam() {
            return team;
        }

        public void setTeam(String team) {
            this.team = team;
        }
    }

    private List<Row> rows;
    private List<TeamRow> teams;
    private SendingPauses.State pause;
    private List<CheckWords.Worded> results;
    private List<CheckWords.WordedSample> samples;
    private boolean checkedOk;

    @PostConstruct
    void load() {
        rows = new ArrayList<>();
        store.entries().forEach(e -> rows.add(new Row(e.key(), e.stored() ? e.value() : "", e.configured(), e.updatedBy())));
        teams = new ArrayList<>(categories.all().stream().map(TeamRow::new).toList());
        pause = pauses.current().orElse(null);
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<String, String> changes = changes();
        if (changes.isEmpty()) {
            faces.addMessage(null, new FacesMessage(text(faces, "qualitor.nothingChanged")));
            return;
        }
        try {
            List<String> changed = store.change(changes, user(faces), Instant.now());
            connection.reload();
            faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "qualitor.saved"), String.join("; ", changed))));
            load();
        } catch (InvalidSettingsException e) {
            e.problems().forEach((key, problem) -> faces.addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, key + ": " + problem.in(faces.getViewRoot().getLocale()), null)));
        }
    }

    /** Runs the check with the settings in force, or with the values typed when {@code typed}. */
    public void runCheck(boolean typed) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<String, String> changes = typed ? changes() : Map.of();
        try {
            connection.validate(changes);
        } catch (IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, UserFacing.textOf(e).in(faces.getViewRoot().getLocale()), null));
            return;
        }
        SetupReport report = check.run(changes, user(faces));
        results = CheckWords.of(report, faces.getViewRoot().getLocale());
        samples = CheckWords.samples(report, faces.getViewRoot().getLocale());
        checkedOk = report.ok();
        long failed = results.stream().filter(r -> !r.ok()).count();
        faces.addMessage(null, checkedOk ? new FacesMessage(text(faces, "qualitor.check.allOk"))
                : new FacesMessage(FacesMessage.SEVERITY_WARN, MessageFormat.format(text(faces, "qualitor.check.problems"), failed, results.size()), null));
    }

    public void saveTeam(TeamRow row) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (row.team != null && !row.team.isBlank() && !row.team.strip().matches("[0-9A-Za-z]{1,20}")) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, row.code + ": " + text(faces, "qualitor.team"), null));
            return;
        }
        categories.assignQualitorTeam(row.code, row.team, user(faces));
        faces.addMessage(null, new FacesMessage(MessageFormat.format(text(faces, "qualitor.team.saved"), row.code)));
    }

    public void resume() {
        FacesContext faces = FacesContext.getCurrentInstance();
        pauses.resume(user(faces), Instant.now());
        pause = pauses.current().orElse(null);
        faces.addMessage(null, new FacesMessage(text(faces, "qualitor.pause.resumed")));
    }

    private Map<String, String> changes() {
        Map<String, String> changes = new LinkedHashMap<>();
        rows.stream().filter(Row::changed).forEach(r -> changes.put(r.key, r.value == null ? "" : r.value.strip()));
        return changes;
    }

    private static String user(FacesContext faces) {
        return faces.getExternalContext().getRemoteUser();
    }

    private static String text(FacesContext faces, String key) {
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<TeamRow> getTeams() {
        return teams;
    }

    public SendingPauses.State getPause() {
        return pause;
    }

    public List<CheckWords.Worded> getResults() {
        return results;
    }

    public List<CheckWords.WordedSample> getSamples() {
        return samples;
    }

    public boolean isCheckedOk() {
        return checkedOk;
    }
}
