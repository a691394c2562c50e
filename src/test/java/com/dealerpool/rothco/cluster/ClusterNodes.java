package com.dealerpool.rothco.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.dealerpool.rothco.pool.TestDatabases.PoolDatabase;

/**
 * Connector runtimes started as separate JVM processes ({@code java -cp <runtime class path>
 * com.dealerpool.rothco.Application --config FILE}), one settings file and one log file per node
 * under a folder of {@code target/}. The working directory is the project folder, so the nodes
 * read {@code routes/}, {@code mapping-sets/} and {@code graphql/} from it.
 *
 * <p>The class path is the one a deployed connector has: {@code target/classes} and the jars of
 * compile and runtime scope, listed in {@code target/runtime.classpath} by the build. Test jars
 * stay out, so a component the runtime lacks makes the nodes fail here as they would in service.
 */
public final class ClusterNodes implements AutoCloseable {

    private final Path folder;
    private final List<String> jvmOptions;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();

    /**
     * @param folder     where the settings and log files of the nodes go; created when missing
     * @param jvmOptions options of each node's JVM, such as {@code -Xmx256m}
     */
    public ClusterNodes(Path folder, List<String> jvmOptions) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Returns {@code target/classes} followed by the runtime jars that the build wrote to
     * {@code target/runtime.classpath} (phase generate-test-resources of maven-dependency-plugin).
     */
    public static String runtimeClassPath() throws IOException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path listing = Path.of("target", "runtime.classpath").toAbsolutePath();
        if (!Files.isRegularFile(listing)) {
            throw new IllegalStateException(listing + " is missing, so the nodes have no runtime class path; "
                    + "run the tests through Maven (mvn test, which writes it in phase generate-test-resources) "
                    + "or write it with: mvn generate-test-resources");
        }
        String jars = Files.readString(listing, StandardCharsets.UTF_8).strip();
        return jars.isEmpty() ? classes.toString() : classes + File.pathSeparator + jars;
    }

    /**
     * Returns the settings every node of a test cluster shares: one CamelContext name, the
     * project's routes, no HTTP intake or inbox, no embedded simulator, and the pool in cluster
     * mode under the given node id. Callers add the sources and the cluster timings.
     */
    public static Map<String, String> baseSettings(PoolDatabase database, String nodeId) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.main.name", "rothco-connector");
        settings.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
        settings.put("camel.main.shutdown-timeout", "5");
        settings.put("camel.server.enabled", "false");
        settings.put("camel.component.http.automatic-retries-disabled", "true");
        settings.put("fulfillment.inbox.enabled", "false");
        settings.put("simulator.enabled", "false");
        settings.put("pool.datasource.url", database.settings().url());
        settings.put("pool.datasource.user", database.settings().user());
        settings.put("cluster.enabled", "true");
        settings.put("cluster.node-id", nodeId);
        return settings;
    }

    /** Starts a node with the given settings and returns its process. */
    public Process start(String nodeId, Map<String, String> settings) throws IOException {
        Path config = folder.resolve(nodeId + ".properties");
        Files.writeString(config, settings.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator())));
        Path log = folder.resolve(nodeId + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", runtimeClassPath(), "com.dealerpool.rothco.Application",
                "--config", config.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.put(nodeId, process);
        logs.put(nodeId, log);
        return process;
    }

    /** Ids of the nodes started so far, in start order. */
    public List<String> nodeIds() {
        return List.copyOf(processes.keySet());
    }

    /** Returns whether the node's process is still running. */
    public boolean isAlive(String nodeId) {
        Process process = processes.get(nodeId);
        return process != null && process.isAlive();
    }

    /** Kills a node with SIGKILL (on Linux), so it gets no chance to end its runs, and waits for its exit. */
    public void kill(String nodeId) throws InterruptedException {
        Process process = processes.get(nodeId);
        if (process == null) {
            throw new IllegalArgumentException("No node " + nodeId + " was started; started: " + nodeIds());
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Returns the last lines of each node's log, for a failure message. */
    public String logTails(int lines) {
        StringBuilder text = new StringBuilder();
        logs.forEach((nodeId, log) -> {
            text.append(System.lineSeparator()).append("--- last ").append(lines).append(" lines of ").append(log)
                    .append(isAlive(nodeId) ? " (running)" : " (stopped)").append(" ---").append(System.lineSeparator());
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                all.subList(Math.max(0, all.size() - lines), all.size())
                        .forEach(line -> text.append(line).append(System.lineSeparator()));
            } catch (IOException e) {
                text.append("(cannot read: ").append(e.getMessage()).append(')').append(System.lineSeparator());
            }
        });
        return text.toString();
    }

    /** Stops every node that still runs: SIGTERM first, so that it ends cleanly, then SIGKILL. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
