package br.com.sopdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandChangeNoticeTest {

    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
    static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

    static DemandChangeNotice.Read read(MediaType type, String body, String... query) {
        return DemandChangeNotice.read(type, body.getBytes(StandardCharsets.UTF_8), List.of(query));
    }

    static void demand(String expected, DemandChangeNotice.Read r) {
        assertEquals(DemandChangeNotice.Read.of(expected), r);
    }

    static void refused(String key, DemandChangeNotice.Read r) {
        assertEquals(DemandChangeNotice.Read.refused(key), r);
    }

    @Test
    void theDemandComesAsJsonTextOrNumberAsAFormOrInTheAddress() {
        demand("48213", read(JSON, "{\"cdchamado\":\"48213\"}"));
        demand("48213", read(JSON, "{\"cdchamado\": 48213, \"other\": [1, 2]}"));
        demand("48213", read(MediaType.valueOf("application/json;charset=ISO-8859-1"), "{\"cdchamado\":\" 48213 \"}"));
        demand("48213", read(MediaType.valueOf("text/json"), "{\"cdchamado\":\"48213\"}"));
        demand("48213", read(FORM, "cdchamado=48213"));
        demand("48213", read(FORM, "origem=qualitor&cdchamado=%34%38213&x"));
        demand("48213", read(null, "", "48213"));
        demand("48213", read(MediaType.TEXT_PLAIN_TYPE, "anything Qualitor's task sends", "48213"));
    }

    @Test
    void theSameNumberInTheBodyAndTheAddressIsOneTwoDifferentNumbersAreRefused() {
        demand("48213", read(JSON, "{\"cdchamado\":\"48213\"}", "48213"));
        refused("inbound.demand.conflict", read(JSON, "{\"cdchamado\":\"48213\"}", "48214"));
        refused("inbound.demand.conflict", read(FORM, "cdchamado=1&cdchamado=2"));
        refused("inbound.demand.conflict", read(null, "", "1", "2"));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        refused("inbound.demand.missing", read(null, ""));
        refused("inbound.demand.missing", read(JSON, "{\"chamado\":\"48213\"}"));
        refused("inbound.demand.missing", read(FORM, "chamado=48213"));
        refused("inbound.demand.invalid", read(JSON, "{\"cdchamado\":\"48213; drop\"}"));
        refused("inbound.demand.invalid", read(JSON, "{\"cdchamado\":-5}"));
        refused("inbound.demand.invalid", read(JSON, "{\"cdchamado\":48.5}"));
        refused("inbound.demand.invalid", read(JSON, "{\"cdchamado\":true}"));
        refused("inbound.demand.invalid", read(JSON, "{\"cdchamado\":\"\"}"));
        refused("inbound.demand.invalid", read(null, "", "123456789012345678901"));
        refused("inbound.demand.invalid", read(null, "", "A120"));
        refused("inbound.body.invalid", read(JSON, "{\"cdchamado\":"));
        refused("inbound.body.invalid", read(JSON, "[\"48213\"]"));
        refused("inbound.body.invalid", read(FORM, "cdchamado=%zz"));
        refused("inbound.body.unsupported", read(MediaType.APPLICATION_XML_TYPE, "<cdchamado>48213</cdchamado>"));
        refused("inbound.body.unsupported", read(null, "48213"));
    }
}
