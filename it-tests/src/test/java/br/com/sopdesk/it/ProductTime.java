package br.com.sopdesk.it;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * SOP Desk's product time in the test domain ({@code api/admin/test/clock}, the test profile only):
 * a test moves it instead of sleeping until a deadline, a window or a back-off has passed, and puts
 * it back in {@code finally} or {@code @AfterEach}. Container times (timer schedules, session idle,
 * the circuit breaker's delay) do not move; the test domain sets them short instead.
 */
final class ProductTime {

    private ProductTime() {
    }

    /** Product time reads {@code at} from now on (and runs on from there). */
    static Instant moveTo(Instant at) throws Exception {
        return read(Env.adminApi("PUT", "admin/test/clock", "{\"instant\":\"" + at + "\"}"));
    }

    /** Product time runs {@code offset} ahead of the system clock (behind when negative). */
    static Instant offset(Duration offset) throws Exception {
        return read(Env.adminApi("PUT", "admin/test/clock", "{\"offsetSeconds\":" + offset.toSeconds() + "}"));
    }

    /** Product time is the system clock's again. */
    static void reset() throws Exception {
        read(Env.adminApi("DELETE", "admin/test/clock", null));
    }

    static Instant now() throws Exception {
        return read(Env.adminApi("GET", "admin/test/clock", null));
    }

    private static Instant read(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("test clock: " + r.statusCode() + " " + r.body());
        }
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject o = reader.readObject();
            return Instant.parse(o.getString("now"));
        }
    }
}
