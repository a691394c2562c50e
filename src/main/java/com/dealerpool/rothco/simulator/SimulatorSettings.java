package com.dealerpool.rothco.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Start settings of a {@link RothcoSimulator}; build with {@link #builder()}.
 *
 * @param port     TCP port on 127.0.0.1, 0 for an ephemeral port
 * @param seed     seed of the generated catalog
 * @param variants variants in the full catalog universe
 * @param epoch    drift epoch at start, 0 or more
 * @param threads  request threads of the HTTP server
 * @param accounts accounts with their API keys
 * @param faults   fault switches at start
 * @param orderClockSpeed multiplier of real time for the order clock ({@link SimulatedClock})
 */
public record SimulatorSettings(int port, long seed, int variants, int epoch, int threads,
        List<SimulatorAccount> accounts, FaultSettings faults, double orderClockSpeed) {

    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_VARIANTS = 10_000;
    public static final int DEFAULT_THREADS = 16;

    public SimulatorSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Invalid simulator port " + port + "; use 0 (ephemeral) to 65535");
        }
        if (variants < 1 || variants > CatalogUniverse.MAX_VARIANTS) {
            throw new IllegalArgumentException("Invalid simulator variant count " + variants + "; use 1 to "
                    + CatalogUniverse.MAX_VARIANTS);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("Invalid simulator epoch " + epoch + "; use 0 or more");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid simulator thread count " + threads + "; use 1 or more");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("A simulator needs at least one account; add one or keep the demo"
                    + " accounts");
        }
        if (orderClockSpeed < 0 || Double.isNaN(orderClockSpeed) || Double.isInfinite(orderClockSpeed)) {
            throw new IllegalArgumentException("Invalid order clock speed " + orderClockSpeed
                    + "; use 0 (stopped) or more, such as 1 for real time");
        }
        accounts = List.copyOf(accounts);
        faults = faults == null ? FaultSettings.none() : faults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder with the defaults: ephemeral port, seed 42, 10,000 variants, epoch 0, 16 threads,
     * demo accounts, order clock at real time.
     */
    public static final class Builder {
        private int port;
        private long seed = DEFAULT_SEED;
        private int variants = DEFAULT_VARIANTS;
        private int epoch;
        private int threads = DEFAULT_THREADS;
        private List<SimulatorAccount> accounts;
        private FaultSettings faults = FaultSettings.none();
        private double orderClockSpeed = 1.0;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder variants(int variants) {
            this.variants = variants;
            return this;
        }

        public Builder epoch(int epoch) {
            this.epoch = epoch;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Replaces the demo accounts with these. */
        public Builder accounts(List<SimulatorAccount> accounts) {
            this.accounts = new ArrayList<>(accounts);
            return this;
        }

        /** Adds an account next to the demo accounts, or next to those set with {@link #accounts}. */
        public Builder addAccount(SimulatorAccount account) {
            if (accounts == null) {
                accounts = new ArrayList<>(List.of(SimulatorAccount.demoSandbox(), SimulatorAccount.demoLive()));
            }
            accounts.add(account);
            return this;
        }

        public Builder faults(FaultSettings faults) {
            this.faults = faults;
            return this;
        }

        /** Sets the order clock's multiplier of real time; 0 stops it, so only steps move it. */
        public Builder orderClockSpeed(double speed) {
            this.orderClockSpeed = speed;
            return this;
        }

        public SimulatorSettings build() {
            List<SimulatorAccount> chosen = accounts != null
                    ? accounts
                    : List.of(SimulatorAccount.demoSandbox(), SimulatorAccount.demoLive());
            return new SimulatorSettings(port, seed, variants, epoch, threads, chosen, faults,
                    orderClockSpeed);
        }
    }
}
