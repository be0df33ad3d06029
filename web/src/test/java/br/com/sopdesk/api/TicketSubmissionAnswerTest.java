package br.com.sopdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import br.com.sopdesk.certificate.entity.CertificateFacts;
import br.com.sopdesk.ticket.control.QualitorOutbox;
import br.com.sopdesk.ticket.control.TicketService;
import br.com.sopdesk.ticket.entity.Classification;
import br.com.sopdesk.ticket.entity.ClientKey;
import br.com.sopdesk.ticket.entity.Intake;
import br.com.sopdesk.ticket.entity.Ticket;
import br.com.sopdesk.ticket.entity.TicketWarranty;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a submission is answered once its ticket is stored: 201 even when the database goes away
 * right after the commit (a 503 would have the agent send again what the outbox delivers anyway;
 * the deployment group's outage test met it: 54 demands in Qualitor for 53 accepted submissions),
 * and, sent again under its Idempotency-Key, the ticket stored the first time.
 */
class TicketSubmissionAnswerTest {

    private static final RuntimeException DATABASE_AWAY = new PersistenceException(new SQLException("connection refused", "08001"));

    /** The tickets stored by the fake service, by submission key, as the database's unique key holds them. */
    private final Map<String, Ticket> stored = new java.util.HashMap<>();
    private int submissions;

    @Test
    void aTicketStoredBeforeTheDatabaseWentAwayIsAnswered201WithoutTheWarrantyReadBack() {
        Response r = resource(DATABASE_AWAY).submit(request(), null);
        assertEquals(201, r.getStatus());
        TicketResource.TicketView view = (TicketResource.TicketView) r.getEntity();
        assertEquals(41L, view.id());
        assertEquals("SENDING", view.state());
        assertNull(view.warranty());
    }

    @Test
    void anyOtherFailureAfterTheStoreIsNotHidden() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThrows(IllegalStateException.class, () -> resource(bug).submit(request(), null));
    }

    @Test
    void sentAgainUnderItsKeyTheSubmissionFindsTheTicketStoredTheFirstTime() {
        TicketResource r = resource(null);
        Response first = r.submit(request(), "pedido-7f3a");
        Response again = r.submit(request(), "pedido-7f3a");
        assertEquals(201, first.getStatus());
        assertEquals(200, again.getStatus());
        assertEquals(((TicketResource.TicketView) first.getEntity()).id(), ((TicketResource.TicketView) again.getEntity()).id());
        assertEquals("http://localhost/sopdesk/api/tickets/41", again.getLocation().toString());
        assertEquals(1, submissions, "stored once");
        // another key, or none, is another submission
        assertEquals(201, r.submit(request(), "pedido-7f3b").getStatus());
        assertEquals(201, r.submit(request(), null).getStatus());
        assertEquals(3, submissions);
    }

    @Test
    void twoRequestsWithOneKeyThatCrossAnswerTheOneTicketStored() {
        TicketResource r = resource(null);
        // the other request stored it between this one's look-up and its commit, which the unique key refused
        r.tickets = crossing(r.tickets);
        Response crossed = r.submit(request(), "pedido-7f3a");
        assertEquals(200, crossed.getStatus());
        assertEquals(41L, ((TicketResource.TicketView) crossed.getEntity()).id());
    }

    @Test
    void aKeyThatIsNoHeaderValueIsRefusedBeforeAnythingIsStored() {
        for (String bad : new String[] {"", "com espaço", "ação", "x".repeat(201)}) {
            Response r = resource(null).submit(request(), bad);
            assertEquals(422, r.getStatus(), bad);
            assertTrue(((TicketResource.Refusal) r.getEntity()).errors().containsKey("Idempotency-Key"), bad);
        }
        assertEquals(0, submissions);
        assertEquals(201, resource(null).submit(request(), "x".repeat(200)).getStatus());
    }

    private static TicketResource.TicketRequest request() {
        return new TicketResource.TicketRequest("perda-de-senha", 1, Map.of("tipo", "A1"), Map.of(),
                new TicketResource.Customer("11222333000181", "Padaria", "a@b.com.br", "(51) 99999-0000", "(51) 3333-0000"),
                "Cliente não localiza a senha.", null, null, null, null);
    }

    /**
     * A resource whose tickets are stored and claimed (ids from 41), keyed as the service keys them,
     * and whose read of the warranty afterwards fails with {@code warrantyRead} (none when null).
     */
    private TicketResource resource(RuntimeException warrantyRead) {
        TicketResource r = new TicketResource();
        r.tickets = new TicketService() {
            @Override
            public Ticket submit(String sopId, int sopVersion, Map<String, String> answers, Map<String, String> fields, Intake intake,
                                 String requestedCategory, String agent, Locale locale, CertificateFacts certificate, String warrantyExceptionReason,
                                 ClientKey clientKey) {
                Ticket t = new Ticket("perda-de-senha", 1, "Perda de senha A1", Map.of("tipo", "A1"), "tipo: A1", Map.of(), intake,
                        new Classification("5", "36", "4", "2"), 24, agent, Instant.parse("2026-12-06T12:00:00Z"));
                t.claimFirstAttempt("sopdesk-1", Instant.parse("2026-12-06T12:01:00Z"), clientKey);
                setId(t, 41L + submissions++);
                if (stored.putIfAbsent(t.getSubmissionKey(), t) != null) {
                    throw new EJBTransactionRolledbackException("unique key");
                }
                return t;
            }

            @Override
            public Optional<Ticket> byClientKey(ClientKey clientKey) {
                return Optional.ofNullable(stored.get(clientKey.submissionKey()));
            }

            @Override
            public Optional<TicketWarranty> warranty(long ticketId) {
                if (warrantyRead != null) {
                    throw warrantyRead;
                }
                return Optional.empty();
            }
        };
        r.outbox = new QualitorOutbox() {
            @Override
            public Ticket pushStored(Ticket t) {
                return t; // Qualitor's answer could not be recorded: the outbox takes the ticket over
            }
        };
        r.security = proxy(SecurityContext.class, (m, a) -> m.equals("getUserPrincipal") ? (java.security.Principal) () -> "agent" : null);
        r.headers = proxy(HttpHeaders.class, (m, a) -> null);
        r.uri = proxy(UriInfo.class, (m, a) -> m.equals("getAbsolutePathBuilder") ? UriBuilder.fromUri("http://localhost/sopdesk/api/tickets") : null);
        return r;
    }

    /** The service as another request stores the same key just before this one's commit. */
    private TicketService crossing(TicketService tickets) {
        return new TicketService() {
            private boolean lookedUp;

            @Override
            public Ticket submit(String sopId, int sopVersion, Map<String, String> answers, Map<String, String> fields, Intake intake,
                                 String requestedCategory, String agent, Locale locale, CertificateFacts certificate, String warrantyExceptionReason,
                                 ClientKey clientKey) {
                tickets.submit(sopId, sopVersion, answers, fields, intake, requestedCategory, agent, locale, certificate, warrantyExceptionReason, clientKey);
                return tickets.submit(sopId, sopVersion, answers, fields, intake, requestedCategory, agent, locale, certificate, warrantyExceptionReason, clientKey);
            }

            @Override
            public Optional<Ticket> byClientKey(ClientKey clientKey) {
                if (!lookedUp) {
                    lookedUp = true;
                    return Optional.empty(); // before the other request's commit
                }
                return tickets.byClientKey(clientKey);
            }

            @Override
            public Optional<TicketWarranty> warranty(long ticketId) {
                return Optional.empty();
            }
        };
    }

    private interface Answer {
        Object of(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> answer.of(m.getName(), a)));
    }

    private static void setId(Ticket t, long id) {
        try {
            Field f = Ticket.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(t, id);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
