package br.com.sopdesk.qualitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the connector's {@link QualitorClient} injectable, configured from MicroProfile Config. */
@ApplicationScoped
public class QualitorClientProducer {

    @Produces
    @ApplicationScoped
    QualitorClient client() {
        return new QualitorClient(QualitorSettings.from(ConfigProvider.getConfig()));
    }

    void close(@Disposes QualitorClient client) {
        client.close();
    }
}
