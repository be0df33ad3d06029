package br.com.sopdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.sandbox.WireClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WSTicket operations over real HTTP: attachments, period filters, teams, extra information, reference demands. */
class OperationsTest {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private static StandaloneSandbox sandbox;
    private static WireClient client;

    @BeforeEach
    void bind() {
        sandbox = running.sandbox();
        client = running.client();
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void addAttachmentNeedsTicketNameAndContent() throws Exception {
        String number = client.openTicket(Map.of(), null);
        assertEquals("Ws - Campo obrigatório não informado: cdchamado",
                client.ticket("addAttachment", map("nmanexo", "a.txt", "attachment", b64("x"))).msg());
        assertEquals("Ws - Campo obrigatório não informado: nmanexo",
                client.ticket("addAttachment", map("cdchamado", number, "attachment", b64("x"))).msg());
        assertEquals("Ws - Campo obrigatório não informado: attachment",
                client.ticket("addAttachment", map("cdchamado", number, "nmanexo", "a.txt")).msg());
        Answer old = client.ticket("addAttachment", map("cdchamado", number, "nmarquivo", "a.txt", "dsarquivo", b64("x")));
        assertEquals("0", old.status());
        assertEquals("Ws - Campo obrigatório não informado: nmanexo", old.msg());
        Answer bad = client.ticket("addAttachment", map("cdchamado", number, "nmanexo", "a.txt", "attachment", "não é base64!"));
        assertEquals("0", bad.status());
        assertEquals(List.of(), sandbox.qualitor().attachmentsOf(number));
    }

    @Test
    void theSameFileTwiceIsTwoAttachmentsAndTheHistoryDoesNotListThem() throws Exception {
        String number = client.openTicket(Map.of(), null);
        String content = b64("passos do SOP");
        String wrapped = content.substring(0, 8) + "\r\n" + content.substring(8);
        assertEquals("1", client.ticket("addAttachment", map("cdchamado", number, "nmanexo", "resumo.txt", "attachment", content)).status());
        Answer second = client.ticket("addAttachment", map("cdchamado", number, "nmanexo", "resumo.txt", "idprivado", "S", "attachment", wrapped));
        assertEquals("1", second.status(), second.msg());
        List<Map<String, String>> files = sandbox.qualitor().attachmentsOf(number);
        assertEquals(2, files.size());
        assertEquals(List.of("N", "S"), files.stream().map(f -> f.get("idprivado")).toList());
        assertEquals(List.of("resumo.txt", "resumo.txt"), files.stream().map(f -> f.get("nmanexo")).toList());
        assertEquals("passos do SOP", files.get(1).get("texto"));
        assertEquals(content, files.get(1).get("dsconteudo"));
        assertEquals("13", files.get(0).get("nrtamanho"));
        Answer history = client.ticket("getTicketHistoryData", map("cdchamado", number));
        assertEquals("1", history.status());
        assertFalse(new String(history.raw(), StandardCharsets.ISO_8859_1).contains("resumo.txt"));
    }

    private List<String> ticketsOf(String customer, String... filters) throws Exception {
        Map<String, String> data = map(filters);
        data.put("cdcliente", customer);
        Answer a = client.ticket("getTicket", data);
        assertEquals("1", a.status(), a.msg());
        return a.items().stream().map(i -> i.get("cdchamado")).toList();
    }

    @Test
    void dtperiodoAloneIsALowerBoundByDefault() throws Exception {
        String number = client.openTicket(Map.of(), null);
        String customer = client.ticket("getTicketData", map("cdchamado", number, "campos", "cdcliente")).item().get("cdcliente");
        LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
        assertEquals(List.of(number), ticketsOf(customer));
        assertEquals(List.of(number), ticketsOf(customer, "dtperiodo", today.toString()));
        assertEquals(List.of(), ticketsOf(customer, "dtperiodo", today.plusDays(1).toString()));
        assertEquals(List.of(), ticketsOf(customer, "dtperiodo", today.minusDays(3).toString(), "dtperiodo2", today.minusDays(1).toString()));
        assertEquals(List.of(number), ticketsOf(customer, "dtperiodo", today.minusDays(3).toString(), "dtperiodo2", today.toString()));
    }

    @Test
    void periodNeedsItsTypeWhenSwitched() throws Exception {
        sandbox.periodFilter(SandboxQualitor.PeriodFilter.NEEDS_PERIOD_TYPE);
        String number = client.openTicket(Map.of(), null);
        String customer = client.ticket("getTicketData", map("cdchamado", number, "campos", "cdcliente")).item().get("cdcliente");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("America/Sao_Paulo")).plusDays(1);
        assertEquals(List.of(number), ticketsOf(customer, "dtperiodo", tomorrow.toString()));
        assertEquals(List.of(number), ticketsOf(customer, "dtperiodo", tomorrow.toString(), "dtperiodo2", tomorrow.plusDays(1).toString()));
        assertEquals(List.of(), ticketsOf(customer, "Idtipoperiodo", "1", "dtperiodo", tomorrow.toString(),
                "dtperiodo2", tomorrow.plusDays(1).toString()));
        sandbox.reset();
        assertEquals(SandboxQualitor.PeriodFilter.DTPERIODO_ALONE, sandbox.periodFilter());
    }

    @Test
    void transferTicketTeamMovesToAKnownTeam() throws Exception {
        String number = client.openTicket(Map.of(), null);
        assertEquals("1", client.ticket("transferTicketTeam", map("cdchamado", number, "cdequipe", "7")).status());
        Map<String, String> t = client.ticket("getTicketData", map("cdchamado", number, "campos", "cdequipe,nmequipe")).item();
        assertEquals(Map.of("cdequipe", "7", "nmequipe", "Relacionamento"), t);
        assertEquals(Map.of("cdequipe", "7", "nmequipe", "Relacionamento"), sandbox.qualitor().teamOf(number));

        Answer unknownTeam = client.ticket("transferTicketTeam", map("cdchamado", number, "cdequipe", "99"));
        assertEquals("0", unknownTeam.status());
        assertEquals("Ws - Equipe não encontrada: 99", unknownTeam.msg());
        assertEquals("0", client.ticket("transferTicketTeam", map("cdchamado", "999999999", "cdequipe", "8")).status());
        assertEquals("7", sandbox.qualitor().teamOf(number).get("cdequipe"));

        sandbox.qualitor().registerTeam("99", "Financeiro");
        assertEquals("1", client.ticket("transferTicketTeam", map("cdchamado", number, "cdequipe", "99")).status());
        assertEquals("Financeiro", sandbox.qualitor().teamOf(number).get("nmequipe"));
    }

    @Test
    void setTicketNextStepMovesTheTicketWithCdchamadoAndCdetapaAndGetTicketStepReadsIt() throws Exception {
        String number = client.openTicket(Map.of(), null);
        assertEquals(List.of(map("cdchamado", number, "cdetapa", "")), client.ticket("getTicketStep", map("cdchamado", number)).items(),
                "never moved: no step");
        assertEquals("1", client.ticket("setTicketNextStep", map("cdchamado", number, "cdetapa", "31")).status());
        assertEquals(List.of(map("cdchamado", number, "cdetapa", "31")), client.ticket("getTicketStep", map("cdchamado", number)).items());
        assertEquals("Aguardando atendimento", client.ticket("getTicketData", map("cdchamado", number, "campos", "nmsituacao")).item()
                .get("nmsituacao"), "no public evidence that a step changes the situation");

        Answer noStep = client.ticket("setTicketNextStep", map("cdchamado", number));
        assertEquals("0", noStep.status());
        assertEquals("Ws - Campo obrigatório não informado: cdetapa", noStep.msg());
        assertEquals("0", client.ticket("setTicketNextStep", map("cdchamado", "999999999", "cdetapa", "31")).status());
        assertEquals("0", client.ticket("getTicketStep", map("cdchamado", "999999999")).status());

        assertEquals("1", client.ticket("setTicketNextStep", map("cdchamado", number, "cdetapa", "32")).status());
        assertEquals(Map.of("cdetapa", "32", "moves", "31,32"), sandbox.qualitor().stepsOf(number), "every move is kept, to be counted");
    }

    @Test
    void extraInformationIsKeptAndDescribed() throws Exception {
        String number = client.openTicket(Map.of(),
                "<vlinformacaoadicional1740>(51) 99999-0000</vlinformacaoadicional1740><vlinformacaoadicional49>sopdesk:3f</vlinformacaoadicional49>");
        Answer infos = client.ticket("getTicketAdditionalInfos", map("cdchamado", number));
        assertEquals("1", infos.status(), infos.msg());
        assertEquals(List.of(
                Map.of("cdtipoinformacaoadicional", "1740", "nminformacaoadicional", "Telefone alternativo", "vlinformacaoadicional", "(51) 99999-0000"),
                Map.of("cdtipoinformacaoadicional", "49", "nminformacaoadicional", "", "vlinformacaoadicional", "sopdesk:3f")), infos.items());

        Answer detail = client.ticket("getTicketAdditionalInfoDetail", map("cdtipoinformacaoadicional", "1743"));
        assertEquals(List.of(Map.of("cdtipoinformacaoadicional", "1743", "nminformacaoadicional", "Procedimento (SOP)")), detail.items());
        Answer unknown = client.ticket("getTicketAdditionalInfoDetail", map("cdtipoinformacaoadicional", "4242"));
        assertEquals("0", unknown.status());
        assertEquals("Ws - Informação adicional não encontrada: 4242", unknown.msg());
        assertEquals("0", client.ticket("getTicketAdditionalInfos", map("cdchamado", "999999999")).status());
    }

    @Test
    void getTicketDataAnswersTheClassificationNames() throws Exception {
        String number = client.openTicket(Map.of("dspalavrachave", "sopdesk:abc"), null);
        client.ticket("transferTicketTeam", map("cdchamado", number, "cdequipe", "8"));
        Map<String, String> t = client.ticket("getTicketData", map("cdchamado", number, "campos",
                "cdcategoria,nmcategoria,nmcategoriacompleta,cdtipochamado,nmtipochamado,cdequipe,nmequipe,dspalavrachave")).item();
        assertEquals(map("cdcategoria", "32", "nmcategoria", "Perda de senha", "nmcategoriacompleta", "Certificado Digital - Perda de senha",
                "cdtipochamado", "5", "nmtipochamado", "Solicitação", "cdequipe", "8", "nmequipe", "Suporte Técnico",
                "dspalavrachave", "sopdesk:abc"), t);
    }

    @Test
    void referenceDemandsAreSeededWithStableNumbers() throws Exception {
        List<Map<String, String>> expected = List.of(Map.of("category", "32", "demand", "1000"), Map.of("category", "33", "demand", "1001"),
                Map.of("category", "34", "demand", "1002"), Map.of("category", "35", "demand", "1003"), Map.of("category", "36", "demand", "1004"));
        assertEquals(expected, sandbox.qualitor().referenceDemands());
        client.openTicket(Map.of(), null);
        sandbox.reset();
        assertEquals(expected, sandbox.qualitor().referenceDemands());
        assertEquals(0, sandbox.qualitor().received());

        Answer customer = client.call("WSGeneral.wsdl", "getCustomer", map("nrcpfcnpj", "04.252.011/0001-10"), null);
        assertEquals("1000", customer.item().get("cdcliente"));
        assertTrue(validCnpj(SandboxQualitor.REFERENCE_DOCUMENT));
        assertEquals(List.of("1004", "1003", "1002", "1001", "1000"), ticketsOf("1000"));
        for (Map<String, String> r : expected) {
            Map<String, String> t = client.ticket("getTicketData", map("cdchamado", r.get("demand"), "campos",
                    "cdcategoria,nmcategoria,cdtipochamado,cdlocalidade,cdseveridade,cdequipe,nmequipe")).item();
            assertEquals(r.get("category"), t.get("cdcategoria"));
            assertEquals("5", t.get("cdtipochamado"));
            assertEquals("4", t.get("cdlocalidade"));
            assertTrue(List.of("2", "3").contains(t.get("cdseveridade")), t.toString());
            assertFalse(t.getOrDefault("nmcategoria", "").isBlank(), t.toString());
            assertFalse(t.getOrDefault("nmequipe", "").isBlank(), t.toString());
        }
    }

    private static boolean validCnpj(String cnpj) {
        int[] w = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
        for (int n = 12; n <= 13; n++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (cnpj.charAt(i) - '0') * w[i + 13 - n];
            }
            int r = sum % 11;
            if (cnpj.charAt(n) - '0' != (r < 2 ? 0 : 11 - r)) {
                return false;
            }
        }
        return true;
    }
}
