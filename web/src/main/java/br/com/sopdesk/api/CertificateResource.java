package br.com.sopdesk.api;

import br.com.sopdesk.certificate.control.CertificateInspector;
import br.com.sopdesk.certificate.control.UnreadableCertificateException;
import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.certificate.entity.CertificateWarning;
import br.com.sopdesk.certificate.entity.WarrantyCase;
import br.com.sopdesk.certificate.entity.WarrantyDecision;
import br.com.sopdesk.i18n.ApiLocale;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code POST /api/certificates/inspect}: the same certificate reading as the SOP page. Multipart
 * fields: {@code file} (DER, PEM, .p7b or PFX/P12, recognised by content), {@code password} (for a
 * PFX), and optionally {@code document} (the CNPJ/CPF the customer gave, to compare),
 * {@code warrantyCase} (a case of seed 003: {@code senha}, {@code outra-filial}...) and {@code issuedOn}
 * (the order date, dd/mm/aaaa; the certificate's start of validity otherwise). Answers the facts,
 * the warnings and the warranty decision, or a 4xx with the reason. The file and the password live
 * only for the request.
 */
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CertificateResource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Inject
    CertificateInspector inspector;

    @Context
    HttpHeaders headers;

    @Inject
    Clock clock;

    /**
     * What the certificate says, what to watch out for and, when asked, the warranty. {@code birthDate}
     * and {@code nis} are the holder's (e-CPF); an e-CNPJ's responsible person has {@code responsible*};
     * {@code ceiKind} says whose CEI {@code cei} is ({@code PERSON} or {@code COMPANY}).
     */
    public record Inspection(String format, String kind, String holderName, String document, String cpf, String cnpj, LocalDate birthDate,
                             String nis, String cei, String ceiKind, boolean hasCei, String responsibleName, String responsibleCpf,
                             LocalDate responsibleBirthDate, String responsibleNis, String email, String type, String policyOid,
                             String subject, String issuer, List<String> chain, String serial, Instant notBefore, Instant notAfter,
                             LocalDate issuedOn, LocalDate validUntil, boolean expired, long daysLeft, List<String> keyUsage,
                             List<String> unreadableParts, List<Warning> warnings, Warranty warranty) {

        static Inspection of(CertificateFacts f, List<Warning> warnings, Warranty warranty, Instant now) {
            return new Inspection(f.format().name(), f.kind().name(), f.holderName(), f.document(), f.cpf(), f.cnpj(), f.birthDate(),
                    f.nis(), f.cei(), f.ceiKind() == null ? null : f.ceiKind().name(), f.hasCei(), f.responsibleName(), f.responsibleCpf(),
                    f.responsibleBirthDate(), f.responsibleNis(), f.email(), f.type().name(), f.policyOid(), f.subject(), f.issuer(),
                    f.chain(), f.serial(), f.notBefore(), f.notAfter(), f.issuedOn(), f.validUntil(), f.expired(now), f.daysLeft(now),
                    f.keyUsage(), f.unreadableParts(), warnings, warranty);
        }
    }

    /** A warning, with the SOP that deals with it when there is one. */
    public record Warning(String code, String message, String sop) {
    }

    /** The warranty decision of seed 003. */
    public record Warranty(String warrantyCase, int warrantyDays, LocalDate issuedOn, String issuedFrom, long daysSinceIssue,
                           boolean withinWarranty, long daysLeft, String route, String message) {

        static Warranty of(WarrantyDecision d, Locale locale) {
            return new Warranty(d.warrantyCase().answer(), d.warrantyDays(), d.issuedOn(), d.issuedFrom() == null ? null : d.issuedFrom().name(),
                    d.daysSinceIssue(), d.withinWarranty(), d.daysLeft(), d.route().name(), d.message(locale));
        }
    }

    /** A refusal: the reason's code and what to do about it. */
    public record Problem(String reason, String message) {

        static Problem of(UnreadableCertificateException e, List<Locale> acceptable) {
            return of(e, ApiLocale.of(acceptable));
        }

        static Problem of(UnreadableCertificateException e, Locale locale) {
            return new Problem(e.reason().name(), e.message(locale));
        }
    }

    @POST
    @Path("inspect")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response inspect(List<EntityPart> parts) {
        Locale locale = ApiLocale.of(headers);
        EntityPart file = part(parts, "file");
        if (file == null) {
            return problem(new UnreadableCertificateException(UnreadableCertificateException.Reason.NO_FILE), locale);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CertificateFacts.BRASILIA);
        String caseValue = text(part(parts, "warrantyCase"));
        WarrantyCase warrantyCase = caseValue == null ? null : WarrantyCase.of(caseValue).orElse(null);
        if (caseValue != null && warrantyCase == null) {
            return badParameter(locale, "param.warrantyCase", caseValue,
                    Arrays.stream(WarrantyCase.values()).map(WarrantyCase::answer).collect(Collectors.joining(", ")));
        }
        String issued = text(part(parts, "issuedOn"));
        LocalDate orderDate = issued == null ? null : date(issued);
        if (issued != null && (orderDate == null || orderDate.isAfter(today))) {
            return badParameter(locale, "param.issuedOn", issued, "");
        }
        char[] password = secret(part(parts, "password"));
        try (InputStream content = file.getContent()) {
            CertificateFacts facts = inspector.inspect(content, password);
            List<Warning> warnings = facts.warnings(text(part(parts, "document")), now).stream()
                    .map(w -> new Warning(w.code().name(), w.message(locale), w.sop())).toList();
            Warranty warranty = warrantyCase == null ? null : Warranty.of(orderDate != null
                    ? warrantyCase.decide(orderDate, WarrantyDecision.IssuanceSource.ORDER_DATE, today)
                    : warrantyCase.decide(facts.issuedOn(), WarrantyDecision.IssuanceSource.CERTIFICATE_VALIDITY, today), locale);
            return Response.ok(Inspection.of(facts, warnings, warranty, now)).build();
        } catch (UnreadableCertificateException e) {
            return problem(e, locale);
        } catch (IOException e) {
            return problem(new UnreadableCertificateException(UnreadableCertificateException.Reason.TRUNCATED), locale);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Anything but multipart: say how to send it. */
    @POST
    @Path("inspect")
    @Consumes(MediaType.WILDCARD)
    public Response notMultipart() {
        Locale locale = ApiLocale.of(headers);
        return Response.status(415).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .entity(new Problem("NOT_MULTIPART", CertificateWarning.messages(locale).getString("error.NOT_MULTIPART"))).build();
    }

    /** A refusal as the API documents it: the reason's status and {@code {"reason", "message"}}. */
    static Response problem(UnreadableCertificateException e, Locale locale) {
        return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(Problem.of(e, locale)).build();
    }

    private static Response badParameter(Locale locale, String key, String value, String options) {
        return Response.status(400).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(new Problem("BAD_PARAMETER",
                MessageFormat.format(CertificateWarning.messages(locale).getString(key), value, options))).build();
    }

    private static EntityPart part(List<EntityPart> parts, String name) {
        return parts == null ? null : parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    }

    private static String text(EntityPart part) {
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getContent()) {
            String s = new String(in.readNBytes(1024), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            return null;
        }
    }

    /** The password as characters, its bytes cleared after decoding; never turned into a String. */
    private static char[] secret(EntityPart part) {
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(1024);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            char[] out = new char[chars.remaining()];
            chars.get(out);
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
