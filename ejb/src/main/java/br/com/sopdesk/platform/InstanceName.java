package br.com.sopdesk.platform;

import java.lang.management.ManagementFactory;

/**
 * This application instance's name in the claims and leases it takes in the database: Payara's
 * instance name and the JVM's pid@host, unique among the instances sharing the database (two
 * instances of a deployment group, or a restarted one, never claim under the same name).
 */
public final class InstanceName {

    private static final String NAME = System.getProperty("com.sun.aas.instanceName", "server")
            + "/" + ManagementFactory.getRuntimeMXBean().getName();

    private InstanceName() {
    }

    public static String get() {
        return NAME;
    }
}
