package br.com.sopdesk.api;

import br.com.sopdesk.i18n.ApiMessages;
import br.com.sopdesk.platform.UserFacing;
import br.com.sopdesk.warranty.control.RevocationLetters;
import br.com.sopdesk.warranty.entity.RevocationLetter;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * The revocation letter of seed 003 (role {@code admin}): the template agents hand to a customer
 * without the revocation password, with {@code {cliente}}, {@code {documento}}, {@code {titular}},
 * {@code {cpfCnpj}}, {@code {tipo}}, {@code {serie}}, {@code {emissor}}, {@code {emissao}},
 * {@code {validade}} and {@code {data}} filled from the call, the sending address, and whether the
 * desk validated it (it ships as a draft). Every change is audited.
 */
@Path("admin/revocation-letter")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminRevocationLetterResource {

    @EJB
    RevocationLetters letters;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    /** The letter as administrators edit it. */
    public record LetterView(String template, String address, boolean draft, String updatedBy, String updatedAt) {
        static LetterView of(RevocationLetter l) {
            return new LetterView(l.getTemplate(), l.getAddress(), l.isDraft(), l.getUpdatedBy(), String.valueOf(l.getUpdatedAt()));
        }
    }

    /** A change: the template (required), the address (empty clears it), and whether the desk validated the text. */
    public record LetterChange(String template, String address, Boolean validated) {
    }

    @GET
    public LetterView letter() {
        return LetterView.of(letters.current());
    }

    /** 200 with the letter saved; 422 with the reason when the template is empty or a text is too long. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(LetterChange change) {
        LetterChange c = change == null ? new LetterChange(null, null, null) : change;
        try {
            RevocationLetter saved = letters.save(c.template(), c.address(), Boolean.TRUE.equals(c.validated()),
                    security.getUserPrincipal().getName());
            return Response.ok(LetterView.of(saved)).build();
        } catch (EJBException e) {
            String reason = UserFacing.textOf(e.getCause() == null ? e : e.getCause()).in(ApiErrors.locale(headers));
            return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(Map.of("message", ApiMessages.text(ApiErrors.locale(headers), "letter.refused"), "errors", Map.of("letter", reason)))
                    .build();
        }
    }
}
