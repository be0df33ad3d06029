package br.com.sopdesk.security.control;

import br.com.sopdesk.sla.control.SlaClocks;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo profile: when {@code sopdesk.demo=true} (set by the README's run command, never in
 * production), creates the demo users {@code agent}, {@code supervisor} and {@code admin} with the
 * passwords written in the README. Safe to run on every start and on several instances at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "sopdesk.demo", defaultValue = "false")
    boolean demo;

    @EJB
    UserDirectory users;

    @Inject
    SlaClocks sla;

    @PostConstruct
    void load() {
        if (!demo) {
            return;
        }
        create("agent", "Agente de demonstração", "agent-demo", Set.of("agent"));
        create("supervisor", "Supervisora de demonstração", "supervisor-demo", Set.of("supervisor", "agent"));
        create("admin", "Administrador de demonstração", "admin-demo", Set.of("admin"));
        try {
            if (sla.subscriber("supervisor").isEmpty()) {
                sla.subscribe("supervisor", "supervisor@sopdesk.local", null, null, true);
                sla.team("agent", "Suporte N1", "sistema");
                sla.team("supervisor", "Suporte N1", "sistema");
            }
        } catch (EJBException e) {
            LOG.fine("dados de SLA de demonstração já criados por outra instância");
        }
        LOG.info("Perfil de demonstração ativo: usuários agent, supervisor e admin disponíveis.");
    }

    private void create(String username, String name, String password, Set<String> roles) {
        try {
            users.createIfAbsent(username, name, password, roles);
        } catch (EJBException e) {
            // another instance created it at the same moment: the unique key kept one
            LOG.fine(() -> "usuário de demonstração já existe: " + username);
        }
    }
}
