package br.com.sopdesk.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stand-in ticket screen ({@code tela/chamado.html}) shows of a demand, received or one of
 * the reference demands: its number, title and situation.
 */
@Path("screen")
@Produces(MediaType.APPLICATION_JSON)
public class ScreenResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Path("tickets/{number}")
    public Map<String, String> ticket(@PathParam("number") String number) {
        try {
            Map<String, String> t = sandbox.qualitor().ticket(number);
            Map<String, String> shown = new LinkedHashMap<>();
            for (String field : new String[] {"cdchamado", "nmtitulochamado", "nmsituacao"}) {
                shown.put(field, t.getOrDefault(field, ""));
            }
            return shown;
        } catch (SandboxFault e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
