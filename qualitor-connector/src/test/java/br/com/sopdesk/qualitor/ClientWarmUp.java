package br.com.sopdesk.qualitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;

/**
 * One exchange before the contract tests, with generous timeouts: the first request of the JVM
 * loads Jersey's client and WireMock's server, which on a loaded machine can take longer than the
 * tests' 2-second read timeout (which they need short, to time out on purpose).
 */
final class ClientWarmUp {

    private static boolean done;

    private ClientWarmUp() {
    }

    static synchronized void once() {
        if (done) {
            return;
        }
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try (QualitorClient warm = new QualitorClient(new QualitorSettings(URI.create("http://localhost:" + server.port() + "/qualitor"),
                "integracao", "s3nha", "1", Duration.ofSeconds(30), Duration.ofSeconds(60), true))) {
            // answered only in today's default shape (suffixed wsdl_file), so the warm-up also proves the wire default
            server.stubFor(post(urlEqualTo("/qualitor/ws/statelessws.php")).withRequestBody(containing("wsdl_file=WSGeneral.wsdl&"))
                    .willReturn(aResponse()
                    .withHeader("Content-Type", "text/xml; charset=ISO-8859-1")
                    .withBody("<wsqualitor><response_status><status>1</status><error_code/><msg/></response_status>"
                            + "<response_data><dataitem><version>warm</version></dataitem></response_data></wsqualitor>")));
            if (!"warm".equals(warm.version())) {
                throw new IllegalStateException("the warm-up exchange did not go through");
            }
        } finally {
            server.stop();
        }
        done = true;
    }
}
