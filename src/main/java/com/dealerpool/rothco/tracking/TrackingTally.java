package com.dealerpool.rothco.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of one Get FR Acknowledgments or Get Shipments run, shared by the run's parallel
 * exchanges in the exchange property {@value #PROPERTY}. Each count has a fixed name, and the
 * run's summary lists them in that order.
 */
public final class TrackingTally {

    /** Exchange property that carries the tally. */
    public static final String PROPERTY = "rothcoTrackingTally";

    private final Map<String, LongAdder> counts = new LinkedHashMap<>();
    private final LongAdder warnings = new LongAdder();

    /** Creates a tally with these counts, all 0, in summary order. */
    TrackingTally(List<String> names) {
        names.forEach(name -> counts.put(name, new LongAdder()));
    }

    void add(String name) {
        add(name, 1);
    }

    void add(String name, long amount) {
        LongAdder count = counts.get(name);
        if (count == null) {
            throw new IllegalArgumentException("No count '" + name + "' in this tally; counts are " + counts.keySet());
        }
        count.add(amount);
    }

    long get(String name) {
        return counts.get(name).sum();
    }

    /** Counts a warning that the job log records, which makes the run end with warnings. */
    void warning() {
        warnings.increment();
    }

    boolean hasWarnings() {
        return warnings.sum() > 0;
    }

    /** Returns the counts as "name 1, other 2, warnings 0". */
    String describe() {
        StringJoiner text = new StringJoiner(", ");
        counts.forEach((name, count) -> text.add(name + " " + count.sum()));
        text.add("warnings " + warnings.sum());
        return text.toString();
    }
}
