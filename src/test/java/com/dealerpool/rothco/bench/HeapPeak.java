package com.dealerpool.rothco.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap use of a benchmark phase, sampled every 10 ms from the platform MemoryMXBean by a
 * daemon thread. Sampling can miss a short spike between two samples, so the figure is a
 * close lower bound of the true peak; it includes garbage not yet collected.
 */
final class HeapPeak implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapPeak() {
        sampler = new Thread(this::sample, "heap-peak-sampler");
        sampler.setDaemon(true);
    }

    /** Collects garbage, then starts sampling. */
    static HeapPeak start() {
        System.gc();
        HeapPeak peak = new HeapPeak();
        peak.sampler.start();
        return peak;
    }

    /** Peak heap use since the start, in MiB. */
    double peakMiB() {
        record();
        return peakBytes.get() / (1024.0 * 1024.0);
    }

    /** Maximum heap size of this JVM, in MiB. */
    static double maxMiB() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }

    private void sample() {
        while (running) {
            record();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record() {
        peakBytes.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }
}
