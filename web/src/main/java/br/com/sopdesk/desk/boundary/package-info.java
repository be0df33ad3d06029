/**
 * The agent's desk: the parts of the SOP page that hand the walk over to the other features (the
 * ticket form and its progress, the certificate panel, requests on demands, the customer's related
 * demands, switching SOP mid-call). It depends on them; they never depend on it.
 */
package br.com.sopdesk.desk.boundary;
