package br.com.sopdesk.sla.control;

import br.com.sopdesk.sla.entity.ClockSubject;
import br.com.sopdesk.sla.entity.SlaAlert;
import br.com.sopdesk.sla.entity.SlaClock;
import br.com.sopdesk.sla.entity.SlaText;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
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
import java.time.Instant;
import java.util.Locale;
import java.util.Date;

/**
 * Sends one alert through one channel: an e-mail through the Payara mail session
 * {@code mail/sopdesk}, or a JSON POST to the configured webhook. No transaction is held while
 * the SMTP server or the webhook answers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertChannels {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** E-mails and webhooks speak pt-BR, the desk's language. */
    private static final Locale MAIL = SlaText.PT;
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

    String subject(SlaAlert alert, SlaClock clock) {
        return text("mail.subject", SlaText.level(alert.getLevel()), SlaText.text(alert.getDemandNumber()),
                SlaText.text(clock.getSubject().getTitle()));
    }

    String body(SlaAlert alert, SlaClock clock) {
        ClockSubject s = clock.getSubject();
        Instant expected = clock.getSync().getQualitorExpectedAt();
        String deadline = text("format.zoned", SlaText.time(alert.getDeadlineAt()), SlaText.text(SlaText.zoneName(settings.zone(), MAIL)));
        return text("mail.body", SlaText.level(alert.getLevel()), SlaText.text(alert.getDemandNumber()), SlaText.text(s.getTitle()),
                SlaText.text(s.getCustomerName()),
                SlaText.text(s.getTeam() == null ? s.getAgent() : text("mail.agentTeam", SlaText.text(s.getAgent()), SlaText.text(s.getTeam()))),
                SlaText.text(clock.getPolicy().getCode()),
                SlaText.text(expected == null ? deadline : text("mail.qualitorExpected", SlaText.text(deadline), SlaText.time(expected))),
                SlaText.text(alert.explanation(MAIL, settings.zone())), SlaText.text(settings.dashboardUrl()));
    }

    private String text(String key, String... args) {
        return SlaText.of(key, args).render(MAIL, settings.zone());
    }

    private void webhook(String url, SlaAlert alert, SlaClock clock) throws IOException, InterruptedException {
        String json = JSON.createObjectBuilder()
                .add("demand", alert.getDemandNumber())
                .add("policy", alert.getPolicyCode())
                .add("level", alert.getLevel())
                .add("deadlineVersion", alert.getDeadlineVersion())
                .add("deadline", alert.getDeadlineAt().toString())
                .add("raisedAt", alert.getRaisedAt().toString())
                .add("title", clock.getSubject().getTitle())
                .add("agent", clock.getSubject().getAgent())
                .add("explanation", alert.explanation(MAIL, settings.zone()))
                .build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Idempotency-Key", alert.getDemandNumber() + "/" + alert.getPolicyCode() + "/" + alert.getLevel() + "/" + alert.getDeadlineVersion())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 300) {
            throw new IOException(text("webhook.refused", SlaText.text(String.valueOf(response.statusCode()))));
        }
    }
}
