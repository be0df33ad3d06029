package br.com.sopdesk.qualitor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the connector's {@link QualitorClient} injectable: one client per application, configured
 * from MicroProfile Config. Produced as {@code @Dependent} so callers get the instance itself, not a
 * client proxy (a proxy class cannot reach the connector's package-private types).
 */
@ApplicationScoped
public class QualitorClientProducer {

    private QualitorClient client;

    @PostConstruct
    void connect() {
        client = new QualitorClient(QualitorSettings.from(ConfigProvider.getConfig()));
    }

    @Produces
    @Dependent
    QualitorClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
