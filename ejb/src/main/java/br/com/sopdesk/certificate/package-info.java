/**
 * Reading the customer's ICP-Brasil certificate for the agent: {@code control} recognises the file
 * (DER, PEM, PKCS#7 chain, PFX with its password) and extracts the holder's data with BouncyCastle's
 * ASN.1 classes; {@code entity} holds the facts read, the warnings they raise, the warranty decision
 * of seed 003, and the facts kept with a ticket. The file, the private key and the password are never
 * kept nor logged.
 */
package br.com.sopdesk.certificate;
