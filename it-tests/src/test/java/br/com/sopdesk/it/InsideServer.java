package br.com.sopdesk.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an in-container test: Arquillian runs its methods inside Payara, in the test module that
 * {@link SopDeskDeployment} adds to the EAR, where {@code @Inject} reaches the application's beans.
 * The class must live in {@code br.com.sopdesk.it.inside} (the package packed into that module).
 * {@link OneDeployment} runs first, so the class uses the run's one deployment instead of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OneDeployment.class)
@ExtendWith(ArquillianExtension.class)
public @interface InsideServer {
}
