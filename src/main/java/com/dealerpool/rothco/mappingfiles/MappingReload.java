package com.dealerpool.rothco.mappingfiles;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingProblem;
import com.dealerpool.rothco.pool.JobLog;

/**
 * The first step of an operation run: picks up templates and mapping sets changed since the last
 * run, so an edit takes effect without a restart. The directory is read here, once per run, and
 * never while records are mapped. While a changed file is invalid, every run records each problem
 * as a job log event and keeps mapping with the last valid version.
 */
public final class MappingReload {

    /** Job log event kind of a run that uses the templates of a new version of the mapping files. */
    public static final String RELOADED_EVENT = "mapping_reloaded";

    /** Job log event kind of one problem that kept a changed mapping file from taking effect. */
    public static final String REJECTED_EVENT = "mapping_change_rejected";

    private static final Logger LOG = LoggerFactory.getLogger(MappingReload.class);

    private final MappingCatalog mappings;
    private final JobLog jobLog;

    public MappingReload(MappingCatalog mappings, JobLog jobLog) {
        this.mappings = mappings;
        this.jobLog = jobLog;
    }

    /** Reloads changed mapping files and records the outcome on the run. */
    public void beforeRun(OperationRun run) {
        if (mappings.reloadIfChanged()) {
            jobLog.event(run.runId(), "INFO", RELOADED_EVENT, null, null, "Mapping files in " + mappings.directory()
                    + " changed; this run uses the new version of templates " + mappings.templateNames());
        }
        List<MappingProblem> problems = mappings.lastReloadProblems();
        if (problems.isEmpty()) {
            return;
        }
        run.recordWarning();
        LOG.warn("Run {} of {} {}: changed mapping files in {} have {} problems, so the run uses the last valid"
                + " version; fix them and validate with --validate-mappings", run.runId(), run.sourceId(),
                run.operation().slug(), mappings.directory(), problems.size());
        for (MappingProblem problem : problems) {
            jobLog.event(run.runId(), "WARN", REJECTED_EVENT, null, null,
                    "Changed mapping file not used, the last valid version stays active: " + problem);
        }
    }
}
