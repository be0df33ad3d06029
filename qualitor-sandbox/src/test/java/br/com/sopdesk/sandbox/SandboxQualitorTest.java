package br.com.sopdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox keeps its latest tickets whole and of the older ones only their submission keys. */
class SandboxQualitorTest {

    private final SandboxQualitor qualitor = new SandboxQualitor(2);

    @Test
    void forgetsTheOldestTicketButKeepsItsKey() throws Exception {
        String first = open("sopdesk:a");
        qualitor.addAttachment(first, "resumo.txt", Base64.getEncoder().encodeToString("passos".getBytes()));
        String second = open("sopdesk:b");
        String third = open("sopdesk:c");

        assertThrows(SandboxFault.class, () -> qualitor.ticket(first));
        assertEquals(List.of(), qualitor.attachmentsOf(first));
        assertEquals(List.of(second, third), qualitor.allTickets().stream().map(t -> t.get("cdchamado")).toList());
        assertEquals(List.of("sopdesk:a", "sopdesk:b", "sopdesk:c"), qualitor.keys(0));
        assertEquals(List.of("sopdesk:b", "sopdesk:c"), qualitor.keys(1));
        assertEquals(List.of("sopdesk:c"), qualitor.keys(2));
        assertEquals(List.of(), qualitor.keys(3));
        assertEquals(3, qualitor.received());
        assertEquals("sopdesk:b", qualitor.ticket(second).get("dspalavrachave"));
    }

    @Test
    void resetForgetsTheKeysToo() throws Exception {
        open("sopdesk:a");
        open("sopdesk:b");
        open("sopdesk:c");
        qualitor.reset();
        assertEquals(List.of(), qualitor.keys(0));
        assertEquals(0, qualitor.received());
    }

    private String open(String key) throws Exception {
        String customer = qualitor.customer("11222333000181").get("cdcliente");
        Map<String, String> data = new LinkedHashMap<>();
        data.put("cdcliente", customer);
        data.put("cdcontato", qualitor.contact(customer, "ti@paoquente.com.br").get("cdcontato"));
        data.put("nmtitulochamado", "Perda de senha");
        data.put("cdtipochamado", "1");
        data.put("cdcategoria", "10");
        data.put("dschamado", "Cliente perdeu a senha.");
        data.put("dspalavrachave", key);
        return qualitor.addTicket(data, Map.of()).get("cdchamado");
    }
}
