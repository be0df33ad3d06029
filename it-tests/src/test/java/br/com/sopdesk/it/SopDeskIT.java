package br.com.sopdesk.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a black-box integration test: a client of the one deployment of SOP Desk that the run makes
 * ({@link OneDeployment}), talking to it over HTTP from the test JVM, as {@code @RunAsClient} tests do.
 * Every {@code *IT} class carries it (or {@link InsideServer}, which includes it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OneDeployment.class)
public @interface SopDeskIT {
}
