package br.com.sopdesk.qualitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connector's HTTP calls against a server that misbehaves at the socket: an answer whose body
 * stops half-way while the connection stays open must not hold the caller past its deadline, and a
 * POST whose connection drops before any answer is never sent a second time by the client itself.
 */
class HttpTest {

    /** A one-thread server: answers each connection with {@code answer}, then keeps it open until the test ends. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger requests = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        final Thread thread;

        RawServer(byte[] answer, boolean dropAtOnce) throws Exception {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        InputStream in = s.getInputStream();
                        byte[] buffer = new byte[8192];
                        in.read(buffer);
                        requests.incrementAndGet();
                        if (dropAtOnce) {
                            continue; // closes before a single byte of answer
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(answer);
                        out.flush();
                        done.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // the socket closed with the test
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ws/statelessws.php");
        }

        @Override
        public void close() throws Exception {
            done.countDown();
            socket.close();
        }
    }

    @Test
    void anAnswerCutHalfWayWithTheConnectionLeftOpenEndsAtTheDeadline() throws Exception {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=ISO-8859-1\r\nContent-Length: 5000\r\n\r\n<wsqualitor>")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (RawServer server = new RawServer(head, false)) {
            Http http = new Http(Duration.ofMillis(500), Duration.ofMillis(700));
            long start = System.nanoTime();
            QualitorException.Unavailable e = assertThrows(QualitorException.Unavailable.class,
                    () -> http.post(server.uri(), "text/plain", Map.of(), new byte[] {1}, "addTicketByData"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().contains("addTicketByData"), e.getMessage());
            assertTrue(millis < 5_000, "held " + millis + " ms; the deadline is 1.2 s");
        }
    }

    @Test
    void aPostWhoseConnectionDropsBeforeAnyAnswerIsSentOnce() throws Exception {
        try (RawServer server = new RawServer(new byte[0], true)) {
            Http http = new Http(Duration.ofMillis(500), Duration.ofSeconds(2));
            assertThrows(QualitorException.Unavailable.class,
                    () -> http.post(server.uri(), "text/plain", Map.of(), "x".getBytes(StandardCharsets.US_ASCII), "addTicketByData"));
            assertEquals(1, server.requests.get(), "a second request would be a second ticket");
        }
    }
}
