/**
 * What the features stand on: the database schema (Flyway migrations), the product clock
 * ({@code SystemClock}) and time conversions, leases for jobs that one instance at a time may run,
 * the masking of personal data in log text, and the texts a person reads ({@code Text}: a bundle key
 * and its values, rendered in the reader's language at the page or the API).
 *
 * <p>Session beans are injected into one another with {@code @EJB}, not {@code @Inject}: on
 * Payara 6 a Weld-injected session bean is a CDI proxy that the EJB container unwraps by
 * catching an {@code IllegalArgumentException} ("not a proxy instance") on every call, which cost
 * a measurable share of each submission's CPU. CDI beans and the security mechanism's stores keep
 * {@code @Inject} (the readiness checks did not deploy with {@code @EJB}).
 */
package br.com.sopdesk.platform;
