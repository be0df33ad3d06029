package br.com.sopdesk.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The API's errors as JSON {@code {"message"}}, like its other refusals: an unknown ticket (404 with
 * the resource's own pt-BR message), an unknown address, a method the address does not take (405,
 * with {@code Allow}). A body that is empty or not JSON is refused like any other bad input (422),
 * never with a stack trace or a 500 ({@link UnreadableBody}). An error that already has a body keeps it.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity()) {
            return r;
        }
        if (e.getCause() instanceof NoContentException) {
            return UnreadableBody.refusal();
        }
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? generic(r.getStatus()) : e.getMessage();
        Response.ResponseBuilder b = Response.fromResponse(r).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .entity(Map.of("message", message));
        return b.build();
    }

    /** A JSON body the reader could not parse (Jersey reports it as a ProcessingException, otherwise a 500). */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {

        @Override
        public Response toResponse(ProcessingException e) {
            return refusal();
        }

        static Response refusal() {
            return Response.status(422).type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(Map.of("message", "O corpo do pedido está vazio ou não é um JSON válido: nada foi alterado.")).build();
        }
    }

    private static String generic(int status) {
        return switch (status) {
            case 400 -> "Pedido inválido: verifique o corpo JSON e os parâmetros.";
            case 404 -> "Recurso não encontrado.";
            case 405 -> "Método não permitido neste recurso.";
            case 406 -> "Formato de resposta não disponível: peça application/json.";
            case 415 -> "Tipo de conteúdo não aceito neste recurso.";
            default -> status >= 500 ? "Erro interno: nada do que já foi salvo se perdeu; tente de novo." : "Pedido não atendido.";
        };
    }
}
