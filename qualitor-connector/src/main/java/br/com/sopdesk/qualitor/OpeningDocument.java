package br.com.sopdesk.qualitor;

import java.util.Map;

/**
 * The {@code addTicketByData} document for a draft: the classification, the ticket text, and each
 * datum in the extra-information field the installation maps it to ({@code qualitor.extra.*}) or,
 * by default, in the text. Kept apart from {@link QualitorClient} so the same document is sent and
 * shown by the setup check.
 */
final class OpeningDocument {

    private OpeningDocument() {
    }

    /** {@code addTicketByData}'s document: the classification, the text, and the data mapped to extra information. */
    static WsRequest of(QualitorSettings settings, String customer, String contact, TicketDraft draft) {
        TicketDraft.Mapping m = draft.mapping();
        WsRequest request = new WsRequest()
                .data("cdcliente", customer)
                .data("cdcontato", contact)
                .data("idchamado", "1")
                .data("nmtitulochamado", draft.title())
                .data("cdtipochamado", m.ticketType())
                .data("cdcategoria", m.category())
                .data("cdlocalidade", m.location())
                .data("cdseveridade", m.severity())
                .data("dschamado", text(settings, draft))
                .data("dspalavrachave", QualitorClient.KEY_PREFIX + draft.submissionKey());
        Map<QualitorSettings.Datum, String> extra = settings.extraInfo();
        TicketDraft.Facts f = draft.facts();
        java.util.function.BiConsumer<QualitorSettings.Datum, String> mapped = (datum, value) -> {
            if (extra.containsKey(datum) && value != null && !value.isBlank()) {
                request.additional("vlinformacaoadicional" + extra.get(datum), value);
            }
        };
        mapped.accept(QualitorSettings.Datum.PHONE1, f.phone1());
        mapped.accept(QualitorSettings.Datum.PHONE2, f.phone2());
        mapped.accept(QualitorSettings.Datum.EMAIL, f.email());
        mapped.accept(QualitorSettings.Datum.DOCUMENT, f.document());
        mapped.accept(QualitorSettings.Datum.SOP, f.sop());
        mapped.accept(QualitorSettings.Datum.CERTIFICATE, f.certificate());
        return request;
    }

    /**
     * The ticket text: the problem, then what SOP Desk registered (each datum that has no
     * extra-information field of its own), then the key line.
     */
    static String text(QualitorSettings settings, TicketDraft draft) {
        Map<QualitorSettings.Datum, String> extra = settings.extraInfo();
        TicketDraft.Facts f = draft.facts();
        StringBuilder t = new StringBuilder(draft.description()).append("\n\n--- Registrado pelo SOP Desk ---");
        if (f.customerName() != null || (f.document() != null && !extra.containsKey(QualitorSettings.Datum.DOCUMENT))) {
            t.append("\nCliente: ").append(f.customerName() == null ? "" : f.customerName());
            if (f.document() != null && !extra.containsKey(QualitorSettings.Datum.DOCUMENT)) {
                t.append(f.customerName() == null ? "" : " - ").append(f.document());
            }
        }
        line(t, extra, QualitorSettings.Datum.EMAIL, "E-mail", f.email());
        boolean phone1 = f.phone1() != null && !extra.containsKey(QualitorSettings.Datum.PHONE1);
        boolean phone2 = f.phone2() != null && !extra.containsKey(QualitorSettings.Datum.PHONE2);
        if (phone1 && phone2) {
            t.append("\nTelefones: ").append(f.phone1()).append(" / ").append(f.phone2());
        } else if (phone1 || phone2) {
            t.append("\nTelefone: ").append(phone1 ? f.phone1() : f.phone2());
        }
        line(t, extra, QualitorSettings.Datum.SOP, "SOP", f.sop());
        line(t, extra, QualitorSettings.Datum.CERTIFICATE, "Certificado lido pelo SOP Desk", f.certificate());
        if (f.walk() != null && !f.walk().isBlank()) {
            t.append('\n').append(f.walk().strip());
        }
        return t.append("\n\n").append(QualitorClient.KEY_LINE).append(QualitorClient.KEY_PREFIX).append(draft.submissionKey()).toString();
    }

    private static void line(StringBuilder t, Map<QualitorSettings.Datum, String> extra, QualitorSettings.Datum datum, String label,
                             String value) {
        if (value != null && !value.isBlank() && !extra.containsKey(datum)) {
            t.append('\n').append(label).append(": ").append(value);
        }
    }
}
