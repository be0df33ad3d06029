package br.com.sopdesk.qualitor.control;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.category.control.Categories;
import br.com.sopdesk.category.entity.Category;
import br.com.sopdesk.qualitor.QualitorSettings;
import br.com.sopdesk.qualitor.SetupCheck;
import br.com.sopdesk.qualitor.TicketDraft;
import br.com.sopdesk.qualitor.Wording;
import br.com.sopdesk.sop.control.SopCatalog;
import br.com.sopdesk.sop.entity.QualitorMapping;
import br.com.sopdesk.sop.entity.SopBundle;
import br.com.sopdesk.validation.BrazilianDocuments;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administrator's setup check: gathers every Qualitor code SOP Desk uses (each published SOP's
 * classification, the Qualitor team of each category those SOPs use, the extra-information fields) and a sample ticket
 * of each SOP, and has the connector prove them against the configured Qualitor
 * ({@link SetupCheck}), within {@code sopdesk.qualitor.check-seconds} (10). Outside transactions:
 * it waits on Qualitor. Audited with its outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QualitorSetupCheck {

    private static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");

    @Inject
    QualitorConnection connection;

    @EJB
    SopCatalog catalog;

    @EJB
    Categories categories;

    @EJB
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sopdesk.qualitor.check-seconds", defaultValue = "10")
    long budgetSeconds;

    /** Checks the settings in force; {@code changes} (key → value) checks values before they are saved. */
    public SetupReport run(Map<String, String> changes, String actor) {
        QualitorSettings settings = changes.isEmpty() ? connection.settings() : connection.settingsWith(changes);
        List<SetupCheck.CodeUse> codes = new ArrayList<>();
        List<SetupCheck.Sample> samples = new ArrayList<>();
        String referenceCustomer = value(settings, changes, QualitorSettings.Key.REFERENCE_CUSTOMER);
        String sampleDocument = referenceCustomer.isBlank() ? "11222333000181" : referenceCustomer.replaceAll("[.\\-/\\s]", "");
        for (SopBundle b : catalog.latest()) {
            for (var classified : b.classifications().entrySet()) {
                QualitorMapping m = classified.getValue();
                if (m.category() == null) {
                    continue;
                }
                // an outcome's own classification is named after its node: "SOP x v2 › escalar-ar"
                String sop = b.id() + " v" + b.version() + (classified.getKey().isEmpty() ? "" : " › " + classified.getKey());
                codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.CATEGORY, m.category(), "SOP " + sop));
                if (m.ticketType() != null) {
                    codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.TICKET_TYPE, m.ticketType(), "SOP " + sop));
                }
                samples.add(new SetupCheck.Sample(sop, sample(b, m, sampleDocument)));
            }
        }
        // a category no published SOP uses opens no ticket: its codes are not in use
        java.util.Set<String> used = new java.util.HashSet<>();
        codes.stream().filter(u -> u.kind() == SetupCheck.CodeKind.CATEGORY).forEach(u -> used.add(u.code()));
        for (Category c : categories.all()) {
            if (used.contains(c.getCode()) && c.getQualitorTeam() != null) {
                codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.TEAM, c.getQualitorTeam(), "categoria " + c.getCode()));
            }
        }
        settings.extraInfo().forEach((datum, code) ->
                codes.add(new SetupCheck.CodeUse(SetupCheck.CodeKind.EXTRA_INFO, code, "qualitor.extra." + datum.name().toLowerCase(java.util.Locale.ROOT))));
        SetupCheck.Report report = SetupCheck.run(settings, codes, samples, referenceCustomer.isBlank() ? null : referenceCustomer,
                QualitorSettings.referenceDemands(value(settings, changes, QualitorSettings.Key.REFERENCE_DEMANDS)),
                Duration.ofSeconds(Math.max(1, budgetSeconds)));
        if (changes.isEmpty()) {
            // names read with unsaved settings may come from another Qualitor: only the settings in force teach them
            categories.qualitorNames(report.categoryNames(), clock.instant());
        }
        List<String> failed = report.checks().stream().filter(c -> !c.ok())
                .map(c -> c.id() + (c.subject() == null ? "" : " " + c.subject()) + " (" + c.status() + ")").toList();
        audit.record(actor, "qualitor.verificacao", "conexão com o Qualitor", (report.ok() ? "tudo certo" : "com problemas: " + String.join(", ", failed))
                + "; " + report.checks().size() + " verificações" + (changes.isEmpty() ? "" : "; com alterações não salvas: " + changes.keySet()));
        return reportOf(report);
    }

    /** The connector's report in SOP Desk's terms, for the admin page and API. */
    private static SetupReport reportOf(SetupCheck.Report report) {
        return new SetupReport(report.checks().stream().map(c -> new SetupReport.Check(c.id(), c.subject(),
                        statusOf(c.status()), c.reason(), c.args().stream().map(a -> a instanceof Wording w ? (Object) ConnectorText.of(w) : a).toList())).toList(),
                report.samples().stream().map(s -> new SetupReport.SampleRequest(s.sop(), s.request(),
                        s.problem() == null ? null : ConnectorText.of(s.problem()))).toList());
    }

    private static SetupReport.Status statusOf(SetupCheck.Status status) {
        return switch (status) {
            case PASSED -> SetupReport.Status.PASSED;
            case FAILED -> SetupReport.Status.FAILED;
            case NOT_RUN -> SetupReport.Status.NOT_RUN;
        };
    }

    /** A setting's value: the unsaved change when given, else the stored one, else its configured default. */
    private String value(QualitorSettings settings, Map<String, String> changes, QualitorSettings.Key key) {
        String changed = changes.get(key.key());
        if (changed != null) {
            return changed.strip();
        }
        return connection.storedOrConfigured(key);
    }

    private static TicketDraft sample(SopBundle b, QualitorMapping m, String document) {
        return new TicketDraft(document, "cliente@exemplo.com.br", b.title(), "Exemplo de descrição do problema (verificação da conexão).",
                new TicketDraft.Mapping(m.ticketType(), m.category(), m.location(), m.severity()),
                new TicketDraft.Facts("Cliente de exemplo", BrazilianDocuments.format(document), "cliente@exemplo.com.br", "(51) 99999-0000",
                        "(51) 3333-0000", b.id() + " v" + b.version(), null, "Decisões:\n(respostas do SOP)\nAgente: admin"),
                "00000000-0000-4000-8000-000000000000", LocalDate.now(BRASILIA));
    }
}
