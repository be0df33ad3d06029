package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Sends one alert through one channel: an e-mail through the Payara mail session
 * {@code mail/sopdesk}, or a JSON POST to the configured webhook. No transaction is held while
 * the SMTP server or the webhook answers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertChannels {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Resource(lookup = "mail/sopdesk")
    Session mail;

    @Inject
    SlaSettings settings;

    /** Sends it; throws with a readable reason when the channel refuses. */
    public void send(SlaAlerts.Outgoing out) throws IOException, MessagingException, InterruptedException {
        if ("WEBHOOK".equals(out.channel())) {
            webhook(out.recipient(), out.alert(), out.clock());
        } else {
            email(out.recipient(), out.alert(), out.clock());
        }
    }

    private void email(String to, SlaAlert alert, SlaClock clock) throws MessagingException {
        MimeMessage message = new MimeMessage(mail);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject(alert, clock), StandardCharsets.UTF_8.name());
        message.setText(body(alert, clock), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("X-SOPDesk-Alert", alert.getDemandNumber() + "/" + alert.getPolicyCode() + "/" + alert.getLevel()
                + "/" + alert.getDeadlineVersion());
        Transport.send(message);
    }

    static String subject(SlaAlert alert, SlaClock clock) {
        return "[SOP Desk] " + SlaAlerts.describe(alert.getLevel()) + " — demanda " + alert.getDemandNumber() + " (" + clock.getTitle() + ")";
    }

    String body(SlaAlert alert, SlaClock clock) {
        var zone = settings.zone();
        return SlaAlerts.describe(alert.getLevel()) + ": retorno ao cliente da demanda " + alert.getDemandNumber() + "\n\n"
                + "Título: " + clock.getTitle() + "\n"
                + "Cliente: " + clock.getCustomerName() + "\n"
                + "Agente: " + clock.getAgent() + (clock.getTeam() == null ? "" : " (" + clock.getTeam() + ")") + "\n"
                + "Política: " + clock.getPolicyCode() + "\n"
                + "Prazo: " + SHOWN.format(alert.getDeadlineAt().atZone(zone)) + " (" + SlaClock.zoneName(zone) + ")"
                + (clock.getQualitorExpectedAt() == null ? "" : "; previsão do Qualitor: " + SHOWN.format(clock.getQualitorExpectedAt().atZone(zone)))
                + "\n\n"
                + "Linha do tempo:\n" + alert.getExplanation() + "\n\n"
                + "Painel do supervisor: " + settings.dashboardUrl() + "\n";
    }

    private void webhook(String url, SlaAlert alert, SlaClock clock) throws IOException, InterruptedException {
        String json = Json.createObjectBuilder()
                .add("demand", alert.getDemandNumber())
                .add("policy", alert.getPolicyCode())
                .add("level", alert.getLevel())
                .add("deadlineVersion", alert.getDeadlineVersion())
                .add("deadline", alert.getDeadlineAt().toString())
                .add("raisedAt", alert.getRaisedAt().toString())
                .add("title", clock.getTitle())
                .add("agent", clock.getAgent())
                .add("explanation", alert.getExplanation())
                .build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Idempotency-Key", alert.getDemandNumber() + "/" + alert.getPolicyCode() + "/" + alert.getLevel() + "/" + alert.getDeadlineVersion())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 300) {
            throw new IOException("webhook respondeu HTTP " + response.statusCode());
        }
    }
}
