package org.kura.server;

/**
 * Starts a harvest of a provider in the background (the composition root decides how: executor,
 * one harvest per provider at a time). The server only asks.
 */
@FunctionalInterface
public interface HarvestLauncher {

    /**
     * @return a handle describing the started harvest
     * @throws IllegalStateException when a harvest of that provider is already running
     * @throws IllegalArgumentException when the provider is unknown or has no OAI-PMH endpoint
     */
    String start(String providerId);
}
