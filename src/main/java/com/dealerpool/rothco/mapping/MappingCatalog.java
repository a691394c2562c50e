package com.dealerpool.rothco.mapping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All templates and mapping sets of the mapping-sets directory, validated together. Thread-safe:
 * {@link #reloadIfChanged()} swaps in a new version atomically, and callers that fetch the
 * template with {@link #template(String)} per batch see the change on their next batch.
 */
public final class MappingCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MappingCatalog.class);

    private final Path directory;
    private final CamelContext ownedContext;
    private final CatalogLoader loader;
    private volatile CatalogSnapshot current;
    private volatile List<MappingProblem> lastReloadProblems = List.of();
    private DirectoryFingerprint lastSeen;

    private MappingCatalog(Path directory, CamelContext ownedContext, CatalogLoader loader, CatalogSnapshot snapshot,
            DirectoryFingerprint fingerprint) {
        this.directory = directory;
        this.ownedContext = ownedContext;
        this.loader = loader;
        this.current = snapshot;
        this.lastSeen = fingerprint;
    }

    /** Loads the directory of {@link MappingOptions#directory()}. */
    public static MappingCatalog load(MappingOptions options) throws MappingValidationException {
        return load(options.directory(), options);
    }

    /**
     * Loads and validates every template and mapping set of a directory.
     *
     * @throws MappingValidationException listing every problem of every file, with file, line, field and fix
     */
    public static MappingCatalog load(Path directory, MappingOptions options) throws MappingValidationException {
        CamelContext ownedContext = options.camelContext() == null ? startOwnContext() : null;
        CamelContext context = ownedContext == null ? options.camelContext() : ownedContext;
        try {
            CatalogLoader loader = new CatalogLoader(options, new ConditionLanguage(context));
            DirectoryFingerprint fingerprint = fingerprint(directory);
            CatalogSnapshot snapshot = loader.load(directory);
            LOG.info("Loaded {} mapping templates {} and {} mapping sets from {}", snapshot.templates().size(),
                    new TreeSet<>(snapshot.templates().keySet()), snapshot.sets().size(), directory);
            return new MappingCatalog(directory, ownedContext, loader, snapshot, fingerprint);
        } catch (MappingValidationException | RuntimeException e) {
            if (ownedContext != null) {
                ownedContext.stop();
            }
            throw e;
        }
    }

    /**
     * Returns the compiled template with this name.
     *
     * @throws IllegalArgumentException naming the unknown template and the known names
     */
    public CompiledTemplate template(String name) {
        CompiledTemplate template = current.templates().get(name);
        if (template == null) {
            throw new IllegalArgumentException("Unknown mapping template '" + name + "'; templates in " + directory
                    + " are " + templateNames() + " (the 'name:' inside each *.template.yaml file)");
        }
        return template;
    }

    /** Names of the loaded templates, sorted. */
    public Set<String> templateNames() {
        return new TreeSet<>(current.templates().keySet());
    }

    /** Names of the loaded mapping sets, sorted. */
    public Set<String> mappingSetNames() {
        return new TreeSet<>(current.sets().keySet());
    }

    /**
     * Returns the mapping set with this name.
     *
     * @throws IllegalArgumentException naming the unknown set and the known names
     */
    public MappingSet mappingSet(String name) {
        MappingSet set = current.sets().get(name);
        if (set == null) {
            throw new IllegalArgumentException("Unknown mapping set '" + name + "'; mapping sets in " + directory
                    + " are " + new TreeSet<>(current.sets().keySet()));
        }
        return set;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Re-reads the directory when a file was added, changed or removed since the last call. A
     * valid new version replaces the current one; an invalid one is logged at WARN, problem by
     * problem, and the last valid version stays active.
     *
     * @return true when a new version became active
     */
    public synchronized boolean reloadIfChanged() {
        DirectoryFingerprint fingerprint;
        try {
            fingerprint = DirectoryFingerprint.of(directory);
        } catch (IOException e) {
            LOG.warn("Cannot read mapping directory {}; keeping the loaded templates: {}", directory, e.toString());
            lastReloadProblems = List.of(new MappingProblem(directory, 0, "", "cannot read the directory: " + e));
            return false;
        }
        if (fingerprint.equals(lastSeen)) {
            return false;
        }
        lastSeen = fingerprint;
        try {
            CatalogSnapshot snapshot = loader.load(directory);
            current = snapshot;
            lastReloadProblems = List.of();
            LOG.info("Reloaded {} mapping templates {} and {} mapping sets from {}", snapshot.templates().size(),
                    new TreeSet<>(snapshot.templates().keySet()), snapshot.sets().size(), directory);
            return true;
        } catch (MappingValidationException e) {
            lastReloadProblems = e.problems();
            LOG.warn("Changed mapping files in {} are invalid; keeping the last valid templates until the {} problems"
                    + " are fixed", directory, e.problems().size());
            for (MappingProblem problem : e.problems()) {
                LOG.warn("Mapping problem: {}", problem);
            }
            return false;
        }
    }

    /** Problems of the last reload that was rejected; empty after a successful one. */
    public List<MappingProblem> lastReloadProblems() {
        return lastReloadProblems;
    }

    /** Stops the Camel context that the catalog started for conditions, if it started one. */
    @Override
    public void close() {
        if (ownedContext != null) {
            ownedContext.stop();
        }
    }

    private static CamelContext startOwnContext() {
        // Simple predicates evaluate several hundred times slower in a context that was never started.
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("rothco-mapping-conditions");
        context.disableJMX();
        context.start();
        return context;
    }

    private static DirectoryFingerprint fingerprint(Path directory) {
        try {
            return DirectoryFingerprint.of(directory);
        } catch (IOException e) {
            return null;
        }
    }
}
