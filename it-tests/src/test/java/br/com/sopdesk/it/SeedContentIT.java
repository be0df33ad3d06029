package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What the agent sees of the seeds' content (issue 18): the portal's open-a-ticket procedure with
 * its protocol number, the tutorial links shown only once set, checklists headed by whom they are
 * for, the A3 media and the solution tried on the ticket, and the seed lines restored.
 */
@BlackBox
class SeedContentIT extends BrowserTest {

    private String node(String id) {
        return browser.text(By.cssSelector("[data-node='" + id + "']"));
    }

    @Test
    void thePortalsOpenATicketSopShowsWhereTheProtocolIsAndNoEmptyAppliesTo() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=abrir-chamado-portal");
        assertFalse(browser.text(By.id("sop-meta")).contains("Aplica-se"), browser.text(By.id("sop-meta")));
        for (String step : new String[]{"abrir", "secao", "solicitacao", "formulario", "registrado"}) {
            assertFalse(node(step).isEmpty(), step);
        }
        assertTrue(node("abrir").contains("[Abrir chamado]"));
        assertTrue(node("formulario").contains("[Anexo]") && node("formulario").contains("[Enviar]"));
        String registered = node("registrado");
        assertTrue(registered.contains("número da solicitação e o protocolo de atendimento") && registered.contains("[Fechar]"), registered);
        assertTrue(registered.contains("Confirme com o cliente:") && registered.contains("Oriente o cliente:"), registered);
        assertTrue(browser.all(By.cssSelector("a.video")).isEmpty(), "no \"Ver vídeo\" while its link is empty");
        WebElement follow = browser.find(By.cssSelector("[data-node='aberto'] a.see-sop"));
        assertTrue(follow.getText().contains("Portal do cliente: acompanhar uma demanda"), follow.getText());
        assertTrue(follow.getAttribute("href").contains("id=acompanhar-demanda"), follow.getAttribute("href"));
        assertEquals("_blank", follow.getAttribute("target"));
        assertTrue(browser.text(By.id("walk:solved")).contains("nenhuma demanda"));

        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha");
        assertTrue(browser.text(By.id("sop-meta")).contains("Aplica-se a: A1, A3"), "shown where the SOP names its types");
    }

    @Test
    void aTutorialLinkShowsOnceTheAdministratorSetsIt() throws Exception {
        String id = "video-" + UUID.randomUUID().toString().substring(0, 8);
        String bundle = """
                {"id": "%s", "version": 1, "seed": "999", "title": "Tutorial %s", "start": "passo",
                 "nodes": [
                   {"id": "passo", "kind": "STEP", "title": "Passo com vídeo", "text": "Veja o vídeo.",
                    "video": "https://videos.example.com/telefones", "next": "outro"},
                   {"id": "outro", "kind": "STEP", "title": "Passo sem vídeo", "text": "Sem vídeo.", "video": "", "next": "fim"},
                   {"id": "fim", "kind": "OUTCOME", "outcome": "SOLVED", "title": "Fim"}
                 ]}""".formatted(id, id);
        assertEquals(201, Env.adminApi("POST", "admin/sops", bundle).statusCode());
        String script = bundle.replace("https://videos.example.com/telefones", "javascript:alert(1)").replace("\"id\": \"" + id, "\"id\": \"x" + id);
        assertEquals(422, Env.adminApi("POST", "admin/sops", script).statusCode(), "only a web address is a video");

        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=" + id);
        WebElement video = browser.find(By.cssSelector("[data-node='passo'] a.video"));
        assertEquals("Ver vídeo", video.getText().strip());
        assertEquals("https://videos.example.com/telefones", video.getAttribute("href"));
        assertTrue(browser.all(By.cssSelector("[data-node='outro'] a.video")).isEmpty(), "an empty link is hidden");
    }

    @Test
    void theA3PathAsksForTheMediaLinksItsStepsAndTheTicketSaysWhatWasTried() throws Exception {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=perda-de-senha&cnpj=11.222.333/0001-81");
        answer("tipo", "A1 (arquivo)");
        answer("a1-esgotou", "Sim");
        assertTrue(browser.all(By.cssSelector("[data-field='midia']")).isEmpty(), "an A1 file has no media to ask for");
        assertTrue(browser.text(By.xpath("//*[@id='walk:intake']/p[contains(@class,'hint')]"))
                .startsWith("Todos os campos são obrigatórios, exceto os marcados “(opcional)”."));

        answer("tipo", "A3");
        WebElement steps = browser.find(By.cssSelector("[data-node='a3-desbloqueio'] a.see-sop"));
        assertTrue(steps.getAttribute("href").contains("id=midia-senha-formatacao"), steps.getAttribute("href"));
        answer("a3-resolveu", "Não");
        String escalate = node("escalar");
        assertTrue(escalate.contains("Confirme com o cliente:\nO cliente informou dois telefones de contato diferentes?"), escalate);
        assertTrue(escalate.contains("Registre no chamado:") && escalate.contains("Informe a solução tentada com o cliente."), escalate);

        browser.type(By.id("walk:customerName"), "Padaria Pão Quente Ltda");
        browser.type(By.id("walk:description"), "Token bloqueado; desbloqueio e troca de PIN não resolveram.");
        browser.type(By.id("walk:phone1"), "(51) 99999-0000");
        browser.type(By.id("walk:phone2"), "(51) 3333-0000");
        browser.type(By.id("walk:email"), "financeiro@paoquente.com.br");
        browser.click(By.id("walk:save"));
        assertEquals("Descreva a solução tentada com o cliente antes de abrir o chamado.", browser.text(By.id("walk:triedSolution-message")));
        assertTrue(browser.driver().getPageSource().contains("Preencha Mídia: fabricante e modelo (token ou cartão)."));

        browser.type(By.id("walk:triedSolution"), "Desbloqueio e troca do PIN pelo SafeNet, sem sucesso.");
        fillField("midia", "Token SafeNet 5110");
        browser.click(By.id("walk:save"));
        String number = browser.waiting(Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
        assertTrue(number.matches("\\d+"), number);
        String tickets = Env.sandboxTickets();
        assertTrue(tickets.contains("Perda de senha - certificado A3 (token ou cartão)"), "the title shows the option's label");
        assertTrue(tickets.contains("Solução tentada: Desbloqueio e troca do PIN pelo SafeNet, sem sucesso."), "what was tried reaches Qualitor");
        assertTrue(tickets.contains("Mídia: fabricante e modelo (token ou cartão): Token SafeNet 5110"), "the media reaches Qualitor");
    }

    @Test
    void theVideoConferenceAndCeiStepsReadAsTheSeedsSay() {
        browser.login(Env.AGENT, Env.AGENT_PASSWORD);
        browser.open(Env.APP + "app/sop.xhtml?id=emissao-videoconferencia");
        String guidance = node("orientacoes");
        for (String line : new String[]{"Essa interferência pode causar recusa do processo", "caso não tenha, oriente a clicar no link",
                "solicitar ajuda ao Agente", "será necessário refazer o processo", "gerada no momento do agendamento", "Oriente o cliente:"}) {
            assertTrue(guidance.contains(line), line + " in " + guidance);
        }

        browser.open(Env.APP + "app/sop.xhtml?id=sem-matricula-cei");
        assertTrue(node("ler-cei").contains("31 32 33 34 35 36 37 → 1 2 3 4 5 6 7"), node("ler-cei"));
        answer("tem-cei", "Não");
        answer("precisa-cei", "Sim");
        assertTrue(browser.text(By.cssSelector("[data-field='ceiEsperada'] .help")).contains("12 dígitos"));
    }
}
