package com.dealerpool.rothco;

import java.time.Duration;
import java.util.List;

import com.dealerpool.rothco.config.SimulatorSettings;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;

/**
 * The Rothco sandbox simulator started inside the runtime by the default configuration, with
 * the demo Sandbox and Live accounts. Sources without a URL call it.
 */
public final class EmbeddedSimulator implements AutoCloseable {

    private final RothcoSimulator simulator;

    private EmbeddedSimulator(RothcoSimulator simulator) {
        this.simulator = simulator;
    }

    /** Starts the simulator on 127.0.0.1 with the catalog the settings describe. */
    public static EmbeddedSimulator start(SimulatorSettings settings) {
        RothcoSimulator simulator = RothcoSimulator.start(com.dealerpool.rothco.simulator.SimulatorSettings.builder()
                .port(settings.port())
                .seed(settings.seed())
                .variants(settings.variants())
                .accounts(List.of(SimulatorAccount.demoSandbox(), SimulatorAccount.demoLive()))
                .orderClockSpeed(settings.orderClockSpeed())
                .build());
        if (settings.latencyMs() > 0) {
            simulator.faults().latency(Duration.ofMillis(settings.latencyMs()));
        }
        return new EmbeddedSimulator(simulator);
    }

    /** Returns the GraphQL endpoint of a mode. */
    public String endpointFor(ApiMode mode) {
        return RothcoContract.endpointBelow(simulator.baseUrl(), mode);
    }

    /** Returns the running simulator, for its fault switches, drift epoch and catalog model. */
    public RothcoSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
