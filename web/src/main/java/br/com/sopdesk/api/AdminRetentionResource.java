package br.com.sopdesk.api;

import br.com.sopdesk.audit.control.AuditLog;
import br.com.sopdesk.platform.InstanceName;
import br.com.sopdesk.retention.control.Retention;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Runs the retention job now on the instance that answers (role {@code admin}), instead of waiting
 * for its timer: after changing the retention period, say. Like the timer's runs it takes the job's
 * lease, so with several instances one runs it and the others answer that it did not run there.
 */
@Path("admin/retention")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminRetentionResource {

    @EJB
    Retention retention;

    @EJB
    AuditLog audit;

    @Context
    SecurityContext security;

    /** What the run did, and on which instance. */
    public record RunView(String instance, boolean ran, int tickets, int demands, int comments, int walks) {
    }

    @POST
    @Path("run")
    public RunView run() {
        Retention.Outcome o = retention.run();
        String instance = InstanceName.get();
        audit.record(security.getUserPrincipal().getName(), "retencao.execucao", "retenção",
                o.ran() ? "executada pela API em " + instance : "pedida pela API em " + instance + "; não executada (outra instância a executa, ou os dados são mantidos)");
        return new RunView(instance, o.ran(), o.tickets(), o.demands(), o.comments(), o.walks());
    }
}
