package br.com.sopdesk.ticket.control;

import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.validation.BrazilianDocuments;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The plain-text file attached to the Qualitor ticket: the SOP walk that led to it (SOP and
 * version, each answer, the SOP's fields, the description), so the Relacionamento team reads how
 * the agent got there without opening SOP Desk. UTF-8; its name is unique per ticket, which is how
 * a retry recognises a file that already arrived.
 */
public final class WalkSummary {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("America/Sao_Paulo"));

    private WalkSummary() {
    }

    public static String fileName(Ticket ticket) {
        return "sopdesk-resumo-" + ticket.getId() + ".txt";
    }

    public static byte[] content(Ticket ticket) {
        return content(ticket, ticket.getQualitorNumber());
    }

    /** The file for a ticket whose Qualitor number is known apart from it (just received). */
    public static byte[] content(Ticket ticket, String number) {
        return text(ticket, number).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(Ticket ticket) {
        return text(ticket, ticket.getQualitorNumber());
    }

    private static String text(Ticket ticket, String number) {
        Intake in = ticket.getIntake();
        StringBuilder out = new StringBuilder(1024)
                .append("Resumo do atendimento guiado (SOP Desk)\n")
                .append("========================================\n")
                .append("Demanda Qualitor: ").append(number == null ? "-" : number).append('\n')
                .append("Chamado SOP Desk: ").append(ticket.getId()).append(" (chave ").append(ticket.getSubmissionKey()).append(")\n")
                .append("SOP: ").append(ticket.getSopId()).append(" versão ").append(ticket.getSopVersion()).append('\n')
                .append("Título: ").append(ticket.getTitle()).append('\n')
                .append("Registrado em: ").append(STAMP.format(ticket.getCreatedAt())).append(" (horário de Brasília) por ")
                .append(ticket.getCreatedBy()).append('\n')
                .append("Retorno ao cliente prometido em até ").append(ticket.getReturnHours()).append(" horas.\n\n")
                .append("Cliente\n-------\n")
                .append("Nome: ").append(in.getCustomerName()).append('\n')
                .append("CNPJ/CPF: ").append(BrazilianDocuments.format(in.getDocument())).append('\n')
                .append("E-mail: ").append(in.getEmail()).append('\n')
                .append("Telefones: ").append(in.phonesLine()).append("\n\n")
                .append("Respostas do SOP\n----------------\n");
        lines(out, ticket.getAnswers());
        out.append("\nDecisões\n--------\n").append(ticket.getDecisions() == null ? "" : ticket.getDecisions());
        if (!ticket.getFields().isEmpty()) {
            out.append("\nCampos do SOP\n-------------\n");
            lines(out, ticket.getFields());
        }
        out.append("\nDescrição\n---------\n").append(in.getDescription()).append('\n');
        if (in.getTriedSolution() != null) {
            out.append("\nSolução tentada\n---------------\n").append(in.getTriedSolution()).append('\n');
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, Map<String, String> values) {
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    }
}
