package br.com.sopdesk.sla.entity;

/** Where an SLA clock stands: counting, stopped while Qualitor waits for the customer, or met. */
public enum ClockState {
    RUNNING, PAUSED, MET
}
