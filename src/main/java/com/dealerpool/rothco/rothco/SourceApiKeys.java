package com.dealerpool.rothco.rothco;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.pool.ApiKeyStore;
import com.dealerpool.rothco.pool.PoolStorageException;

/**
 * The API key each source sends, kept in line with keys rotated through JMX on any runtime that
 * shares the pool. {@link #current} reads the pool about once per refresh interval per source
 * (threads that check at the same moment may each read it), so a key rotated on another runtime
 * reaches this one within that interval. A rotation on this runtime takes effect on the next request.
 */
public final class SourceApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SourceApiKeys.class);

    private final ApiKeyStore store;
    private final long refreshNanos;
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCheckNanos = new ConcurrentHashMap<>();

    public SourceApiKeys(ApiKeyStore store, Duration refreshInterval) {
        this.store = Objects.requireNonNull(store, "store");
        this.refreshNanos = refreshInterval.toNanos();
    }

    /**
     * Registers a source's configured key: records its fingerprint in the pool and, when a newer
     * rotated key is stored, switches the key object to it at once.
     */
    public void register(String sourceId, ApiKey configured) {
        store.recordConfiguredKey(sourceId, configured.reveal());
        keys.put(sourceId, configured);
        lastCheckNanos.remove(sourceId);
        current(sourceId);
    }

    /** Returns the source's key after reading the pool when the refresh interval has passed. */
    public ApiKey current(String sourceId) {
        ApiKey key = keys.get(sourceId);
        if (key == null) {
            throw new IllegalArgumentException("Source " + sourceId + " has no registered API key; configured"
                    + " sources are " + keys.keySet());
        }
        long now = System.nanoTime();
        Long last = lastCheckNanos.get(sourceId);
        if (last != null && now - last < refreshNanos) {
            return key;
        }
        lastCheckNanos.put(sourceId, now);
        try {
            store.newerRotatedKey(sourceId).ifPresent(rotated -> {
                if (!rotated.key().equals(key.reveal())) {
                    key.rotate(rotated.key());
                    LOG.info("Source {} now uses the API key {} rotated at {} by {}", sourceId, key.masked(),
                            rotated.rotatedAt(), rotated.rotatedBy());
                }
            });
        } catch (PoolStorageException e) {
            LOG.warn("Cannot check the pool for a rotated API key of source {}; keeping key {} and trying again in"
                    + " {} s: {}", sourceId, key.masked(), Duration.ofNanos(refreshNanos).toSeconds(), e.getMessage());
        }
        return key;
    }

    /**
     * Stores a new key in the pool and uses it from the next request on.
     *
     * @param rotatedBy who rotated it, such as {@code jmx@node-1}
     * @return the key's masked form, such as {@code ****1234}
     * @throws IllegalArgumentException for a blank or too long key
     */
    public String rotate(String sourceId, String newKey, String rotatedBy) {
        ApiKey key = current(sourceId);
        store.store(sourceId, newKey, rotatedBy);
        key.rotate(newKey);
        lastCheckNanos.put(sourceId, System.nanoTime());
        LOG.info("API key of source {} rotated by {}; requests from now on send {}", sourceId, rotatedBy,
                key.masked());
        return key.masked();
    }
}
