/**
 * What the SOPs achieve (issue 21): each walk of a SOP recorded as it happens ({@code control.WalkLog},
 * {@code entity.WalkRecord}), and the figures administrators and supervisors read, counted in the
 * database over indexed columns ({@code control.WalkInsights}). The records hold no customer data;
 * the retention job deletes them after {@code sopdesk.retention.walk-days}.
 */
package br.com.sopdesk.insight;
