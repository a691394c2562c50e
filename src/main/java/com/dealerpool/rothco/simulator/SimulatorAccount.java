package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.rothco.ApiMode;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dealer account of the simulator, reached through its API key. The key is a mode's key: a
 * SANDBOX key works only on the Sandbox endpoint and a LIVE key only on the Live endpoint.
 *
 * @param enrolledBrands ARP brands whose restricted product lines the account may see
 */
public record SimulatorAccount(String apiKey, ApiMode mode, String accountNumber, String name,
        Set<String> enrolledBrands) {

    public static final String DEMO_SANDBOX_KEY = "sandbox-demo-key-0001";
    public static final String DEMO_LIVE_KEY = "live-demo-key-0001";
    public static final String DEMO_ACCOUNT_NUMBER = "RC-100001";
    public static final String DEMO_ACCOUNT_NAME = "Demo Tactical Supply";

    public SimulatorAccount {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(name, "name");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("Simulator account " + accountNumber + " has a blank API key");
        }
        enrolledBrands = Set.copyOf(enrolledBrands == null ? Set.of() : enrolledBrands);
    }

    /** Returns the demo Sandbox account, enrolled in no ARP brand. */
    public static SimulatorAccount demoSandbox() {
        return new SimulatorAccount(DEMO_SANDBOX_KEY, ApiMode.SANDBOX, DEMO_ACCOUNT_NUMBER, DEMO_ACCOUNT_NAME, Set.of());
    }

    /** Returns the demo Live account, enrolled in no ARP brand. */
    public static SimulatorAccount demoLive() {
        return new SimulatorAccount(DEMO_LIVE_KEY, ApiMode.LIVE, DEMO_ACCOUNT_NUMBER, DEMO_ACCOUNT_NAME, Set.of());
    }

    SimulatorAccount withBrand(String brand) {
        Set<String> brands = new TreeSet<>(enrolledBrands);
        brands.add(brand);
        return new SimulatorAccount(apiKey, mode, accountNumber, name, brands);
    }

    /** Returns the enrolled brands in alphabetical order, as the account query lists them. */
    public java.util.List<String> sortedEnrolledBrands() {
        return java.util.List.copyOf(new TreeSet<>(enrolledBrands));
    }

    @Override
    public String toString() {
        return "SimulatorAccount[" + accountNumber + ", " + mode + ", " + name + ", brands=" + sortedEnrolledBrands()
                + "]";
    }
}
