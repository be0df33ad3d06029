package br.com.sopdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SOP catalog over the REST API: every seed SOP, pt-BR search without accents or case, whole bundles. */
@BlackBox
class SopCatalogApiIT {

    @Test
    void everySeedSopIsPublished() throws Exception {
        HttpResponse<String> r = Env.agentApi("GET", "sops", null);
        assertEquals(200, r.statusCode());
        for (String id : List.of("perda-de-senha", "token-em-branco", "sem-matricula-cei", "midia-senha-formatacao", "garantia-revogacao",
                "emissao-videoconferencia", "compra-link-rapido", "atualizar-cadastro", "acompanhar-demanda", "reiterar-demanda", "reiniciar-demanda")) {
            assertTrue(r.body().contains("\"id\":\"" + id + "\""), id);
        }
    }

    @Test
    void searchIgnoresAccentsAndCase() throws Exception {
        for (String q : List.of("MATRICULA", "matrícula", "Matricula%20cei")) {
            String body = Env.agentApi("GET", "sops?q=" + q, null).body();
            assertTrue(body.contains("\"id\":\"sem-matricula-cei\""), q + ": " + body);
            assertFalse(body.contains("\"id\":\"perda-de-senha\""), q + ": " + body);
        }
        String body = Env.agentApi("GET", "sops?q=videoconferencia", null).body();
        assertTrue(body.startsWith("[{") && body.contains("emissao-videoconferencia"), body);
        assertEquals("[]", Env.agentApi("GET", "sops?q=xyzzy", null).body());
    }

    @Test
    void aBundleComesWholeWithBranchesAndOutcomes() throws Exception {
        HttpResponse<String> r = Env.agentApi("GET", "sops/garantia-revogacao", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"prazo-14\"") && r.body().contains("\"prazo-7\"") && r.body().contains("\"sem-garantia\""), r.body());
        assertEquals(404, Env.agentApi("GET", "sops/nao-existe", null).statusCode());
    }
}
