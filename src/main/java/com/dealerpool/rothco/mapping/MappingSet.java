package com.dealerpool.rothco.mapping;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lookup table from a file in the mapping-sets directory, used by {@code lookup:} methods.
 * Keys are compared after trimming (when {@link #trimWhitespace()}) and ignoring case (unless
 * {@link #caseSensitive()}). Immutable and thread-safe.
 */
public final class MappingSet {

    private final String name;
    private final Path file;
    private final boolean caseSensitive;
    private final boolean trimWhitespace;
    private final Map<String, String> entries;

    /** @param entries values by key, keys already normalized with {@link #normalize(String)} */
    MappingSet(String name, Path file, boolean caseSensitive, boolean trimWhitespace, Map<String, String> entries) {
        this.name = name;
        this.file = file;
        this.caseSensitive = caseSensitive;
        this.trimWhitespace = trimWhitespace;
        this.entries = Map.copyOf(entries);
    }

    /** Name that templates use: the file name without its extension, such as {@code shipping-methods}. */
    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    public boolean trimWhitespace() {
        return trimWhitespace;
    }

    public int size() {
        return entries.size();
    }

    /** Returns the distinct values of the set, such as the Rothco codes of {@code shipping-methods}. */
    public Set<String> values() {
        return Set.copyOf(entries.values());
    }

    /** Returns the value for a key, or null when the set has no entry for it. */
    public String lookup(String key) {
        return key == null ? null : entries.get(normalize(key));
    }

    String normalize(String key) {
        return normalize(key, caseSensitive, trimWhitespace);
    }

    static String normalize(String key, boolean caseSensitive, boolean trimWhitespace) {
        String normalized = trimWhitespace ? key.trim() : key;
        return caseSensitive ? normalized : normalized.toLowerCase(Locale.ROOT);
    }
}
