package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.certificate.control.IcpCertificates;
import br.com.sopdesk.certificate.control.IcpCertificates.Holder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent in the warranty SOP drops the customer's certificate file: the facts show, the empty
 * form fields fill in, the warnings (no CEI, another CNPJ than Qualitor's) and the warranty decision
 * appear, and the ticket sent to Qualitor carries the facts read.
 */
@BlackBox
class CertificatePageIT extends BrowserTest {

    @Test
    void droppingTheCertificateFillsTheFormWarnsAndDecidesTheWarranty() throws Exception {
        Holder h = Holder.company("12ABC34501DE35");
        h.notBefore = Instant.now().minus(3, ChronoUnit.DAYS);
        Path file = Files.createTempFile("certificado", ".cer");
        Files.write(file, IcpCertificates.der(IcpCertificates.holder(h)));
        try {
            browser.login(Env.AGENT, Env.AGENT_PASSWORD);
            browser.open(Env.APP + "app/sop.xhtml?id=garantia-revogacao&cnpj=11.222.333/0001-81");
            // a 14-day case the warranty SOP files itself (a missing CEI now goes to the CEI SOP)
            answer("caso", "O arquivo");

            browser.driver().findElement(By.id("walk:certificate-file_input")).sendKeys(file.toAbsolutePath().toString());
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("cert-holder")));
            browser.waitForAjax();

            assertEquals("COMERCIO EXEMPLO LTDA", browser.text(By.id("cert-holder")));
            assertEquals("12ABC34501DE35", browser.text(By.id("cert-cnpj")));
            assertTrue(browser.text(By.id("cert-kind")).startsWith("e-CNPJ"), browser.text(By.id("cert-kind")));
            assertEquals("JOAO PEREIRA (CPF 11144477735)", browser.text(By.id("cert-responsible")));
            assertEquals("01/01/1970", browser.text(By.id("cert-responsible-birth")));
            assertEquals("Nascimento do responsável", label("cert-responsible-birth"), "the birth date is the responsible person's, and says so");
            assertTrue(browser.all(By.id("cert-birth")).isEmpty(), "no birth date of the company itself");
            assertTrue(browser.text(By.cssSelector(".warning-NO_CEI")).contains("não tem matrícula CEI"));
            assertTrue(browser.find(By.cssSelector(".warning-NO_CEI a")).getAttribute("href").contains("id=sem-matricula-cei"),
                    "the warning leads to the CEI SOP");
            assertTrue(browser.text(By.cssSelector(".warning-DOCUMENT_DIFFERS")).contains("12.ABC.345/01DE-35"),
                    "the CNPJ from Qualitor differs from the certificate's");
            String warranty = browser.text(By.id("warranty-decision"));
            assertTrue(warranty.contains("Dentro da garantia de 14 dias") && warranty.contains("restam 11 dia(s)"), warranty);

            answer("prazo-14", "Sim");
            assertEquals("11222333000181", browser.find(By.id("walk:document")).getAttribute("value"), "what came from Qualitor is kept");
            assertEquals("COMERCIO EXEMPLO LTDA", browser.find(By.id("walk:customerName")).getAttribute("value"));
            assertEquals("financeiro@exemplo.com.br", browser.find(By.id("walk:email")).getAttribute("value"));
            String issued = LocalDate.ofInstant(h.notBefore, ZoneId.of("America/Sao_Paulo")).format(DateTimeFormatter.ofPattern("dd/MM/uuuu"));
            assertEquals(issued, browser.find(By.id("walk:extra:0:field")).getAttribute("value"), "issuance date from the certificate");

            browser.type(By.id("walk:description"), "Arquivo corrompido no download; pede revogação e reemissão na garantia.");
            browser.type(By.id("walk:triedSolution"), "Conferido com o cliente que o arquivo baixado não abre em outro computador.");
            browser.type(By.id("walk:phone1"), "(51) 99999-0000");
            browser.type(By.id("walk:phone2"), "(51) 3333-0000");
            browser.click(By.id("walk:save"));
            String number = browser.waiting(Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("demand-number"))).getText();
            assertTrue(number.matches("\\d+"), number);
            assertTrue(Env.sandboxTickets().contains("Certificado lido pelo SOP Desk: e-CNPJ A3 de COMERCIO EXEMPLO LTDA"),
                    "the facts read travel in the ticket text");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aPfxDroppedWhileTheTicketFormIsOpenReadsWithThePasswordTypedAndFillsTheForm() throws Exception {
        Holder h = new Holder();
        h.policy = IcpCertificates.A1;
        h.ceiPerson = "123456789012";
        Path file = Files.createTempFile("certificado", ".pfx");
        Files.write(file, IcpCertificates.openSsl3Pfx(IcpCertificates.holder(h), "senha-çerta".toCharArray()));
        try {
            browser.login(Env.AGENT, Env.AGENT_PASSWORD);
            browser.open(Env.APP + "app/sop.xhtml?id=garantia-revogacao");
            answer("caso", "O arquivo");
            answer("prazo-14", "Sim");
            browser.find(By.id("walk:customerName"));
            browser.type(By.id("walk:description"), "Arquivo do A1 corrompido no download, dentro da garantia.");

            browser.type(By.id("walk:certificate-password"), "senha-errada");
            drop(file);
            String error = browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-error"))).getText();
            assertTrue(error.startsWith("Senha incorreta"), error);
            assertTrue(browser.all(By.id("cert-holder")).isEmpty(), "nothing read with the wrong password");

            browser.type(By.id("walk:certificate-password"), "senha-çerta");
            drop(file);
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("cert-holder")));
            browser.waitForAjax();
            assertEquals("MARIA DA SILVA", browser.text(By.id("cert-holder")));
            assertEquals("52998224725", browser.text(By.id("cert-cpf")));
            assertTrue(browser.text(By.id("cert-kind")).contains("A1"), browser.text(By.id("cert-kind")));
            assertEquals("123456789012", browser.text(By.id("cert-cei")));
            assertEquals("CEI (pessoa física)", label("cert-cei"));
            assertEquals("PKCS12", browser.text(By.cssSelector(".certificate-facts dd:last-of-type")));
            assertTrue(browser.all(By.id("certificate-error")).isEmpty(), "the earlier error is gone");

            assertEquals("52998224725", browser.find(By.id("walk:document")).getAttribute("value"), "filled, and still there after the update");
            assertEquals("MARIA DA SILVA", browser.find(By.id("walk:customerName")).getAttribute("value"));
            assertEquals("maria@example.com.br", browser.find(By.id("walk:email")).getAttribute("value"));
            String issued = LocalDate.ofInstant(h.notBefore, ZoneId.of("America/Sao_Paulo")).format(DateTimeFormatter.ofPattern("dd/MM/uuuu"));
            assertEquals(issued, browser.find(By.id("walk:extra:0:field")).getAttribute("value"));
            assertEquals("Arquivo do A1 corrompido no download, dentro da garantia.", browser.find(By.id("walk:description")).getAttribute("value"),
                    "what the agent typed before the drop is kept");
            assertEquals("", browser.find(By.id("walk:certificate-password")).getAttribute("value"), "the password is not shown back");

            drop(file);
            String again = browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-error"))).getText();
            assertTrue(again.contains("protegido por senha"), "the password served one reading and was not kept: " + again);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The term (dt) a fact (dd) is shown under. */
    private String label(String factId) {
        return browser.text(By.xpath("//dd[@id='" + factId + "']/preceding-sibling::dt[1]"));
    }

    private void drop(Path file) {
        browser.driver().findElement(By.id("walk:certificate-file_input")).sendKeys(file.toAbsolutePath().toString());
        browser.waitForAjax();
    }

    @Test
    void aWrongFileIsAnsweredOnThePage() throws Exception {
        Path file = Files.createTempFile("nao-e-certificado", ".pfx");
        Files.writeString(file, "isto não é um certificado");
        try {
            browser.login(Env.AGENT, Env.AGENT_PASSWORD);
            browser.open(Env.APP + "app/sop.xhtml?id=sem-matricula-cei");
            browser.driver().findElement(By.id("walk:certificate-file_input")).sendKeys(file.toAbsolutePath().toString());
            String error = browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-error"))).getText();
            assertTrue(error.contains("não é um certificado reconhecido"), error);

            browser.type(By.id("walk:certificate-pem"), new String(IcpCertificates.pem(IcpCertificates.holder(new Holder())),
                    java.nio.charset.StandardCharsets.US_ASCII));
            browser.click(By.id("walk:certificate-read"));
            assertEquals("MARIA DA SILVA", browser.text(By.id("cert-holder")));
            assertEquals("52998224725", browser.text(By.id("cert-cpf")));

            Holder expired = new Holder();
            expired.notBefore = Instant.now().minus(400, ChronoUnit.DAYS);
            expired.notAfter = Instant.now().minus(5, ChronoUnit.DAYS);
            browser.type(By.id("walk:certificate-pem"), new String(IcpCertificates.pem(IcpCertificates.holder(expired)),
                    java.nio.charset.StandardCharsets.US_ASCII));
            browser.click(By.id("walk:certificate-read"));
            assertTrue(browser.text(By.id("cert-validity")).contains("(vencido há 5 dia(s))"), browser.text(By.id("cert-validity")));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
