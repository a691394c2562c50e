package com.dealerpool.rothco.config;

/**
 * Settings of the built-in Rothco sandbox simulator that the default configuration starts.
 *
 * @param enabled   whether the runtime starts the simulator and points sources without a URL at it
 * @param port      port on 127.0.0.1; 0 picks a free one
 * @param seed      seed of the generated catalog
 * @param variants  number of variants in the generated catalog
 * @param latencyMs delay added to every request, in milliseconds
 * @param orderClockSpeed multiplier of real time for the simulated order lifecycle
 */
public record SimulatorSettings(boolean enabled, int port, int seed, int variants, int latencyMs,
        double orderClockSpeed) {
}
