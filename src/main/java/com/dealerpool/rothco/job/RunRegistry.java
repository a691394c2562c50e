package com.dealerpool.rothco.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs in flight and the last outcome per source and operation, in this runtime. It keeps a
 * second trigger from starting a run of an operation that is still running.
 */
public final class RunRegistry {

    private final Map<String, OperationRun> running = new ConcurrentHashMap<>();
    private final Map<String, RunOutcome> lastOutcomes = new ConcurrentHashMap<>();

    /** Registers a run unless one of the same source and operation is in flight; returns false then. */
    boolean tryRegister(OperationRun run) {
        String key = key(run.sourceId(), run.operation().slug());
        if (running.putIfAbsent(key, run) != null) {
            return false;
        }
        return true;
    }

    void complete(OperationRun run, RunOutcome outcome) {
        String key = key(run.sourceId(), run.operation().slug());
        lastOutcomes.put(key, outcome);
        running.remove(key, run);
    }

    /** Returns the run in flight for a source and operation, if any. */
    public Optional<OperationRun> running(String sourceId, String operationSlug) {
        return Optional.ofNullable(running.get(key(sourceId, operationSlug)));
    }

    /** Returns the runs in flight in this runtime. */
    public List<OperationRun> inFlight() {
        return List.copyOf(running.values());
    }

    /** Returns the outcome of the last run that ended in this runtime, if any. */
    public Optional<RunOutcome> lastOutcome(String sourceId, String operationSlug) {
        return Optional.ofNullable(lastOutcomes.get(key(sourceId, operationSlug)));
    }

    private static String key(String sourceId, String operationSlug) {
        return sourceId + "/" + operationSlug;
    }
}
