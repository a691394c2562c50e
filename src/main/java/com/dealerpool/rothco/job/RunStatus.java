package com.dealerpool.rothco.job;

/** Final status of a run, as stored in the job log. */
public enum RunStatus {
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    SUCCEEDED_WITH_WARNINGS("succeeded_with_warnings"),
    FAILED("failed"),
    /** Not started, because a run of the same source and operation was in flight on another runtime. */
    SKIPPED("skipped");

    private final String value;

    RunStatus(String value) {
        this.value = value;
    }

    /** The value stored in {@code job_run.status}. */
    public String value() {
        return value;
    }

    /** Exit code of a command-line run that ended with this status. */
    public int exitCode() {
        return switch (this) {
            case SUCCEEDED -> 0;
            case SUCCEEDED_WITH_WARNINGS -> 2;
            default -> 1;
        };
    }
}
