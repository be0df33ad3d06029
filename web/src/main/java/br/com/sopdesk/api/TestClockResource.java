package br.com.sopdesk.api;

import br.com.sopdesk.platform.MovableClock;
import br.com.sopdesk.platform.SystemClock;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;

/**
 * Product time for the integration tests (role {@code admin}, test profile only): {@code PUT} moves
 * it to an instant ({@code {"instant":"2026-12-06T12:00:00Z"}}) or by an offset from the system
 * clock ({@code {"offsetSeconds":90}}), {@code DELETE} puts it back, {@code GET} reads it. In any
 * other profile there is no movable clock and every method answers 404, as if the resource did not
 * exist. Container times (timer schedules, session idle, the circuit breaker's delay) do not move.
 */
@Path("admin/test/clock")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class TestClockResource {

    private static final Logger LOG = Logger.getLogger(TestClockResource.class.getName());

    @Inject
    SystemClock clocks;

    /** Where to move product time: an instant, or an offset from the system clock (seconds). */
    public record Move(String instant, Long offsetSeconds) {
    }

    /** Product time now and how far it is from the system clock. */
    public record Reading(String now, long offsetMillis) {
        static Reading of(MovableClock c) {
            return new Reading(c.instant().toString(), c.offset().toMillis());
        }
    }

    @GET
    public Reading read() {
        return Reading.of(movable());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Reading move(Move move) {
        MovableClock c = movable();
        if (move == null || (move.instant() == null) == (move.offsetSeconds() == null)) {
            throw new BadRequestException("give either instant or offsetSeconds");
        }
        if (move.instant() != null) {
            try {
                c.moveTo(Instant.parse(move.instant()));
            } catch (DateTimeParseException e) {
                throw new BadRequestException("instant: " + e.getMessage());
            }
        } else {
            c.reset();
            c.moveBy(Duration.ofSeconds(move.offsetSeconds()));
        }
        LOG.info(() -> "Tempo do produto movido: " + c.instant() + " (deslocamento " + c.offset() + ")");
        return Reading.of(c);
    }

    @DELETE
    public Reading reset() {
        MovableClock c = movable();
        c.reset();
        LOG.info("Tempo do produto de volta ao relógio do sistema.");
        return Reading.of(c);
    }

    private MovableClock movable() {
        return clocks.movable().orElseThrow(NotFoundException::new);
    }
}
