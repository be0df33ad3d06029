package br.com.sopdesk.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a black-box integration test: a client of the run's one deployment of SOP Desk
 * ({@link OneDeployment}) that talks to it over HTTP from the test JVM, as Arquillian's
 * {@code @RunAsClient} tests do. Every {@code *IT} class carries it, or {@link InsideServer} for the
 * in-container ones; the jqwik suite, which no Jupiter extension reaches, calls
 * {@link OneDeployment#ensure()} itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OneDeployment.class)
public @interface BlackBox {
}
