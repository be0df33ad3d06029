/**
 * What the features stand on: the database schema (Flyway migrations) and time conversions.
 */
package br.com.sopdesk.platform;
