package br.com.sopdesk.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static ClientAddress with(String header, String proxies) {
        ClientAddress a = new ClientAddress();
        a.header = Optional.ofNullable(header);
        a.trustedProxies = Optional.ofNullable(proxies);
        return a;
    }

    @Test
    void withoutAConfiguredHeaderItIsTheConnectionsAddressWhateverTheClientWrites() {
        assertEquals("203.0.113.9", with(null, "203.0.113.9").of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behindATrustedProxyItIsTheLastValueTheProxyAdded() {
        ClientAddress a = with("X-Forwarded-For", "10.0.0.2, 10.0.0.3");
        assertEquals("198.51.100.7", a.of("10.0.0.3", "198.51.100.7"));
        assertEquals("198.51.100.7", a.of("10.0.0.2", "1.2.3.4, 198.51.100.7"), "the client wrote 1.2.3.4 itself");
        assertEquals("2001:db8::1", a.of("10.0.0.2", "2001:db8::1"));
        assertEquals("10.0.0.2", a.of("10.0.0.2", null), "no header: the proxy's own address");
    }

    @Test
    void aConnectionNotFromATrustedProxyCannotChooseItsAddress() {
        ClientAddress a = with("X-Forwarded-For", "10.0.0.2");
        assertEquals("203.0.113.9", a.of("203.0.113.9", "198.51.100.7"));
        assertEquals("203.0.113.9", with("X-Forwarded-For", null).of("203.0.113.9", "198.51.100.7"), "no trusted proxy configured");
    }

    @Test
    void aValueThatIsNoAddressIsIgnored() {
        ClientAddress a = with("X-Forwarded-For", "10.0.0.2");
        assertEquals("10.0.0.2", a.of("10.0.0.2", "<script>"));
        assertEquals("10.0.0.2", a.of("10.0.0.2", "unknown"));
    }
}
