package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.qualitor.boundary.CheckWords;
import br.com.sopdesk.qualitor.control.InvalidSettingsException;
import br.com.sopdesk.qualitor.control.QualitorConnection;
import br.com.sopdesk.qualitor.control.QualitorSettingsStore;
import br.com.sopdesk.qualitor.control.QualitorSetupCheck;
import br.com.sopdesk.qualitor.control.SendingPauses;
import br.com.sopdesk.qualitor.control.SetupReport;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The connection to Qualitor (role {@code admin}): the installation settings
 * ({@code GET}/{@code PUT settings}), the setup check ({@code GET check} with the settings in force,
 * {@code POST check} with values not saved yet), each category's Qualitor team, and the pause of
 * sending ({@code GET pause}, {@code POST resume}). Changes and checks are audited by the services.
 */
@Path("admin/qualitor")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class QualitorAdminResource {

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

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** The check's answer: {@code ok}, each check in words, and the sample requests. */
    public record CheckAnswer(boolean ok, List<CheckView> checks, List<SampleView> samples) {
    }

    public record CheckView(String name, boolean ok, String status, String detail, String fix, String id, String subject) {
    }

    public record SampleView(String sop, String request, String problem) {
    }

    public record SettingView(String key, String value, String defaultValue, boolean stored, String updatedBy, String updatedAt) {
    }

    public record PauseView(boolean paused, String since, String qualitorCode, String qualitorMessage) {
    }

    @GET
    @Path("check")
    public CheckAnswer check() {
        return answer(check.run(Map.of(), admin()));
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response checkWith(Map<String, String> changes) {
        Map<String, String> values = changes == null ? Map.of() : changes;
        try {
            connection.validate(values);
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Map.of("message", UserFacing.textOf(e).in(ApiErrors.locale(headers)))).build();
        }
        return Response.ok(answer(check.run(values, admin()))).build();
    }

    @GET
    @Path("settings")
    public List<SettingView> settings() {
        return store.entries().stream().map(e -> new SettingView(e.key(), e.value(), e.configured(), e.stored(), e.updatedBy(),
                e.updatedAt() == null ? null : e.updatedAt().toString())).toList();
    }

    /** Changes the given settings (key → value; empty: back to the default) → 200 with what changed, or 422 naming each wrong key. */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return Response.status(422).entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "qualitor.settings.missing"))).build();
        }
        try {
            List<String> changed = store.change(values, admin(), Instant.now());
            connection.reload();
            return Response.ok(Map.of("changed", changed)).build();
        } catch (InvalidSettingsException e) {
            Locale locale = ApiErrors.locale(headers);
            return Response.status(422).entity(Map.of("message", ApiMessages.text(locale, "qualitor.settings.refused"), "errors", e.problems(locale)))
                    .build();
        }
    }

    /** A category's Qualitor team: {@code {"team": "7"}} (empty or null: none). */
    @PUT
    @Path("categories/{code}/team")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response team(@PathParam("code") String code, Map<String, String> body) {
        String team = body == null ? null : body.get("team");
        if (categories.find(code).isEmpty()) {
            return Response.status(404).entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "qualitor.category.unknown", code))).build();
        }
        if (team != null && !team.isBlank() && !team.strip().matches("[0-9A-Za-z]{1,20}")) {
            return Response.status(422).entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "qualitor.team.invalid"))).build();
        }
        Category c = categories.assignQualitorTeam(code, team, admin());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", c.getCode());
        out.put("qualitorTeam", c.getQualitorTeam());
        return Response.ok(out).build();
    }

    @GET
    @Path("pause")
    public PauseView pause() {
        SendingPauses.State s = pauses.current().orElseThrow();
        return new PauseView(s.paused(), s.since() == null ? null : s.since().toString(), s.code(), s.message());
    }

    @POST
    @Path("resume")
    public PauseView resume() {
        pauses.resume(admin(), Instant.now());
        return pause();
    }

    private CheckAnswer answer(SetupReport report) {
        Locale locale = ApiErrors.locale(headers);
        List<CheckView> checks = CheckWords.of(report, locale).stream()
                .map(w -> new CheckView(w.name(), w.ok(), w.status(), w.detail(), w.fix(), w.id(), w.subject())).toList();
        List<SampleView> samples = CheckWords.samples(report, locale).stream().map(s -> new SampleView(s.sop(), s.request(), s.problem())).toList();
        return new CheckAnswer(report.ok(), checks, samples);
    }

    private String admin() {
        return security.getUserPrincipal().getName();
    }
}
