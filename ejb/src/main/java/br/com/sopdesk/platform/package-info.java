/**
 * What the features stand on: the database schema (Flyway migrations), time conversions, leases
 * for jobs that one instance at a time may run, and the masking of personal data in log text.
 */
package br.com.sopdesk.platform;
