package com.dealerpool.rothco.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's order clock: it drives the order lifecycle ({@link OrderLifecycle}) and runs
 * {@code speed} times as fast as real time from the last time it was set or stepped. Tests
 * step it with {@link #advance}; a demo sets a high speed so that an order ships within a
 * minute. Thread-safe.
 */
public final class SimulatedClock {

    private final double speed;
    private Instant anchorSimulated;
    private long anchorNanos;

    /**
     * Creates a clock that starts at the current real time.
     *
     * @param speed multiplier of real time; 0 stops the clock between steps
     * @throws IllegalArgumentException when the speed is negative
     */
    public SimulatedClock(double speed) {
        if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("Invalid order clock speed " + speed
                    + "; use 0 (stopped) or more, such as 1 for real time or 60 for a minute per second");
        }
        this.speed = speed;
        this.anchorSimulated = Instant.now();
        this.anchorNanos = System.nanoTime();
    }

    /** Multiplier of real time. */
    public double speed() {
        return speed;
    }

    /** Returns the simulated current time. */
    public synchronized Instant now() {
        long elapsedNanos = System.nanoTime() - anchorNanos;
        return anchorSimulated.plusNanos((long) (elapsedNanos * speed));
    }

    /**
     * Moves the clock forward, so tests can step an order through its lifecycle.
     *
     * @throws IllegalArgumentException when the step is negative
     */
    public synchronized Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("Invalid clock step " + step + "; the order clock only moves forward");
        }
        Instant current = now();
        anchorSimulated = current.plus(step);
        anchorNanos = System.nanoTime();
        return anchorSimulated;
    }

    /**
     * Sets the clock to a time, earlier or later, such as 20 days back for orders that
     * shipped outside a lookback window.
     */
    public synchronized void set(Instant time) {
        anchorSimulated = time;
        anchorNanos = System.nanoTime();
    }
}
