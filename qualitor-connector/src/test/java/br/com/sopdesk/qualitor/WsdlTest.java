package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service's WSDL read as real clients read it: endpoint, namespace, SOAPAction and part names, nothing guessed. */
class WsdlTest {

    private static final URI FROM = URI.create("http://qualitor.local:8080/qualitor/ws/services/Ticket/WSTicket.wsdl");

    private static Wsdl parse(String xml) {
        return Wsdl.parse(xml.getBytes(StandardCharsets.UTF_8), FROM);
    }

    @Test
    void aRelativeSoapAddressIsResolvedAgainstTheWsdlsOwnAddress() {
        Wsdl wsdl = parse(FakeWsdl.of("WSTicket", "urn:t").location("../../soap/ticket.php?x=1").operation("login", "a", "u").xml());
        assertEquals(URI.create("http://qualitor.local:8080/qualitor/ws/soap/ticket.php?x=1"), wsdl.endpoint());

        Wsdl sibling = parse(FakeWsdl.of("WSTicket", "urn:t").location("server.php").operation("login", "a", "u").xml());
        assertEquals(URI.create("http://qualitor.local:8080/qualitor/ws/services/Ticket/server.php"), sibling.endpoint());
    }

    @Test
    void anAbsoluteSoapAddressIsTakenAsItIs() {
        Wsdl wsdl = parse(FakeWsdl.of("WSTicket", "urn:t").location("https://other.host/qws/Ticket.php").operation("login", "a", "u").xml());
        assertEquals(URI.create("https://other.host/qws/Ticket.php"), wsdl.endpoint());
    }

    @Test
    void theNamespaceComesFromTheSoapBodyWhenItNamesOneAndFromTheTargetNamespaceOtherwise() {
        Wsdl withBody = parse(FakeWsdl.of("WSTicket", "http://target.example/Ticket").bodyNamespace("urn:body-ns").location("s.php")
                .operation("addTicketByData", "act", "token", "xml").xml());
        assertEquals("urn:body-ns", withBody.operation("addTicketByData").orElseThrow().namespace());

        Wsdl without = parse(FakeWsdl.of("WSTicket", "http://target.example/Ticket").location("s.php")
                .operation("addTicketByData", "act", "token", "xml").xml());
        assertEquals("http://target.example/Ticket", without.operation("addTicketByData").orElseThrow().namespace());
    }

    @Test
    void eachOperationKeepsItsSoapActionAndItsInputPartsInTheWsdlsOrder() {
        Wsdl wsdl = parse(FakeWsdl.of("WSGeneral", "urn:g").location("g.php")
                .operation("login", "urn:g#login", "login", "passwd", "company")
                .operation("getCustomer", "http://g.example/getCustomer", "auth", "xmlValue")
                .operation("getVersion", "").xml());
        Wsdl.Operation login = wsdl.operation("login").orElseThrow();
        assertEquals("urn:g#login", login.soapAction());
        assertEquals(List.of("login", "passwd", "company"), login.inputParts());
        Wsdl.Operation customer = wsdl.operation("getCustomer").orElseThrow();
        assertEquals("http://g.example/getCustomer", customer.soapAction());
        assertEquals(List.of("auth", "xmlValue"), customer.inputParts());
        assertEquals(List.of(), wsdl.operation("getVersion").orElseThrow().inputParts());
        assertTrue(wsdl.operation("addTicketByData").isEmpty(), "an operation the WSDL lacks is not made up");
    }

    @Test
    void partOrderFollowsTheMessageNotTheAlphabet() {
        Wsdl wsdl = parse(FakeWsdl.of("WSTicket", "urn:t").location("s.php").operation("op", "a", "zeta", "alpha", "mid").xml());
        assertEquals(List.of("zeta", "alpha", "mid"), wsdl.operation("op").orElseThrow().inputParts());
    }

    @Test
    void somethingThatIsNotAUsableWsdlIsMalformed() {
        for (String body : List.of(
                "<html><body>Fatal error",
                "<html><body>404</body></html>",
                "",
                FakeWsdl.of("WSTicket", "urn:t").operation("login", "a", "u").xml(),
                FakeWsdl.of("WSTicket", "urn:t").location("s.php").xml(),
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions>&e;</definitions>")) {
            QualitorException.Malformed e = assertThrows(QualitorException.Malformed.class, () -> parse(body), body);
            assertTrue(e.getMessage().contains(FROM.toString()), "names where it was read: " + e.getMessage());
        }
    }
}
