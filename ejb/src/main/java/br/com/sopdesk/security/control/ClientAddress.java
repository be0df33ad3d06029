package br.com.sopdesk.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's address for the login throttle and the audit trail. Behind the reverse proxy every
 * connection comes from the proxy, so the address is taken from the header the proxy sets
 * ({@code sopdesk.client-address.header}, e.g. {@code X-Forwarded-For}), but only on connections
 * from the proxies listed in {@code sopdesk.client-address.trusted-proxies}: anyone else could
 * write that header to pose as a fresh address on every guess. Of a list, the last value is the one
 * the proxy added (earlier ones come from the client). Without both settings, or with a value that
 * is not an IP address, it is the connection's address.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    @Inject
    @ConfigProperty(name = "sopdesk.client-address.header")
    Optional<String> header;

    @Inject
    @ConfigProperty(name = "sopdesk.client-address.trusted-proxies")
    Optional<String> trustedProxies;

    /** The header to read, when one is configured. */
    public Optional<String> header() {
        return header.map(String::strip).filter(h -> !h.isEmpty());
    }

    /** The client's address, given the connection's and the value of {@link #header()} (null when absent). */
    public String of(String peer, String headerValue) {
        if (header().isEmpty() || headerValue == null || !proxies().contains(peer)) {
            return peer;
        }
        String[] values = headerValue.split(",");
        String last = values[values.length - 1].strip();
        return IP.matcher(last).matches() ? last : peer;
    }

    private List<String> proxies() {
        return trustedProxies.map(p -> Arrays.stream(p.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }
}
