package com.dealerpool.rothco.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Simulator accounts by API key; ARP enrollment may change while the simulator runs. */
public final class AccountRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AccountRegistry.class);

    private final Map<String, SimulatorAccount> accountsByKey = new ConcurrentHashMap<>();

    AccountRegistry(Collection<SimulatorAccount> accounts) {
        for (SimulatorAccount account : accounts) {
            if (accountsByKey.putIfAbsent(account.apiKey(), account) != null) {
                throw new IllegalArgumentException("Two simulator accounts share the API key of account "
                        + account.accountNumber() + "; give every account its own key");
            }
            requireKnownBrands(account.enrolledBrands());
        }
    }

    public Optional<SimulatorAccount> byKey(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(accountsByKey.get(apiKey));
    }

    public List<SimulatorAccount> all() {
        return List.copyOf(accountsByKey.values());
    }

    /**
     * Enrolls the account of a key in an ARP brand, so that brand's restricted product lines
     * appear in its catalog and inventory from the next request on.
     *
     * @throws IllegalArgumentException when the key or the brand is unknown
     */
    public SimulatorAccount enroll(String apiKey, String brand) {
        requireKnownBrands(Set.of(brand));
        SimulatorAccount updated = accountsByKey.computeIfPresent(apiKey, (key, account) -> account.withBrand(brand));
        if (updated == null) {
            throw new IllegalArgumentException("No simulator account has the given API key; use one of the keys"
                    + " the simulator logged at start");
        }
        LOG.info("Enrolled account {} ({}) in ARP brand {}", updated.accountNumber(), updated.mode(), brand);
        return updated;
    }

    /**
     * Revokes an API key, as Rothco does when a key is rotated in the API Portal: from the next
     * request on, the key gets HTTP 401. Other keys of the same account keep working.
     *
     * @throws IllegalArgumentException when the key is unknown
     */
    public SimulatorAccount revoke(String apiKey) {
        SimulatorAccount removed = apiKey == null ? null : accountsByKey.remove(apiKey);
        if (removed == null) {
            throw new IllegalArgumentException("No simulator account has the given API key; use one of the keys"
                    + " the simulator logged at start");
        }
        LOG.info("Revoked an API key of account {} ({})", removed.accountNumber(), removed.mode());
        return removed;
    }

    private static void requireKnownBrands(Set<String> brands) {
        Set<String> known = CatalogModel.arpBrandNames();
        for (String brand : brands) {
            if (!known.contains(brand)) {
                throw new IllegalArgumentException("Unknown ARP brand '" + brand + "'; use one of " + known);
            }
        }
    }
}
