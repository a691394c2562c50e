package com.dealerpool.rothco.management;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.camel.CamelContext;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.SettingsFile;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingOptions;
import com.dealerpool.rothco.mapping.MappingValidationException;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.PoolDataSource;
import com.dealerpool.rothco.pool.PoolStorageException;
import com.dealerpool.rothco.pool.RunRecord;
import com.dealerpool.rothco.pool.SchedulePauses;
import com.dealerpool.rothco.pool.SourceRegistry;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The {@code --status} command: prints a table per source with each operation's Connected,
 * Configured and Mapped state, schedule, last run and run in flight. It reads the settings file,
 * the mapping files and the pool, and starts no routes, so it runs beside a service on the same
 * pool (the default H2 URL has AUTO_SERVER=TRUE for that).
 */
public final class StatusCommand {

    /** Exit code when the status was printed. */
    public static final int EXIT_OK = 0;
    /** Exit code when the pool cannot be read. */
    public static final int EXIT_POOL_UNREADABLE = 1;
    /** Exit code for invalid settings or mapping files, the same as for the other commands. */
    public static final int EXIT_INVALID = 64;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> HEADINGS = List.of("OPERATION", "CONNECTED", "CONFIGURED", "MAPPED", "SCHEDULE",
            "LAST RUN", "RUNNING NOW");

    private StatusCommand() {
    }

    /** Prints the status of every configured source and returns the exit code. */
    public static int run(Path config, PrintStream out) {
        CamelContext camel = SettingsFile.open(config);
        Function<String, String> lookup = SettingsFile.lookup(camel);
        try {
            ConnectorSettings settings = ConnectorSettings.read(lookup, System.getenv());
            FulfillmentSettings fulfillment = FulfillmentSettings.read(lookup,
                    settings.sources().stream().map(SourceSettings::id).toList());
            MappingOptions options = new MappingOptions(settings.highStockQuantity(),
                    Path.of(settings.mappingDirectory())).withCamelContext(camel);
            try (MappingCatalog mappings = MappingCatalog.load(options);
                    HikariDataSource dataSource = PoolDataSource.create(settings.pool())) {
                StatusReader reader = new StatusReader(settings, fulfillment, lookup, mappings,
                        new JobLog(dataSource, settings.nodeName()), new SourceRegistry(dataSource),
                        new SchedulePauses(dataSource), null);
                print(settings, reader, out);
                return EXIT_OK;
            }
        } catch (InvalidSettingsException e) {
            out.println("Invalid settings in " + config + "; run --validate for every problem:");
            e.problems().forEach(problem -> out.println("  " + problem));
            return EXIT_INVALID;
        } catch (MappingValidationException e) {
            out.println("Invalid mapping files; run --validate-mappings for every problem:");
            e.problems().forEach(problem -> out.println("  " + problem));
            return EXIT_INVALID;
        } catch (PoolStorageException e) {
            out.println("Cannot read the status from the pool: " + e.getMessage());
            out.println("Check pool.datasource.url; a pool that no runtime has opened since the last upgrade gets"
                    + " its new tables when the service starts once.");
            return EXIT_POOL_UNREADABLE;
        } finally {
            camel.stop();
        }
    }

    private static void print(ConnectorSettings settings, StatusReader reader, PrintStream out) {
        out.println("Status at " + TIME.format(Instant.now()) + " of " + settings.sources().size()
                + (settings.sources().size() == 1 ? " source" : " sources") + "; times in UTC");
        List<OperationStatus> all = reader.all();
        for (SourceSettings source : settings.sources()) {
            List<OperationStatus> statuses = all.stream().filter(status -> status.sourceId().equals(source.id()))
                    .toList();
            out.println();
            out.println("Source " + source.id() + " (" + source.name() + "): " + source.type().displayName() + ", "
                    + source.mode() + ", accepts FRs: " + (source.acceptsFulfillmentRequests() ? "yes" : "no"));
            out.println("  Connection: " + statuses.get(0).connection());
            List<String> notes = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (OperationStatus status : statuses) {
                rows.add(row(status, notes));
            }
            table(rows).forEach(line -> out.println("  " + line));
            notes.forEach(note -> out.println("  " + note));
            statuses.stream().filter(status -> status.lastRun() != null).forEach(status -> out.println("  "
                    + status.operation().slug() + " last run: " + status.lastRunCounts() + errorOf(status.lastRun())));
        }
    }

    /** Returns "; error: " and the error of a failed run, so the status names why it failed, or empty. */
    private static String errorOf(RunRecord run) {
        String error = run.errorMessage();
        return error == null || error.isBlank() ? "" : "; error: " + error;
    }

    /** Returns the table cells of one operation; long texts go to {@code notes} under a number. */
    private static List<String> row(OperationStatus status, List<String> notes) {
        String slug = status.operation().slug();
        String connected = status.connection().startsWith("Not tested") ? "not tested"
                : status.connected() ? "yes" : "no";
        String configured = status.configured().equals("yes") ? "yes" : note(notes, slug, status.configured());
        String mapped = status.mapped().startsWith("no:") ? note(notes, slug, status.mapped())
                : status.mapped().startsWith("yes") ? "yes" : status.mapped();
        String schedule = status.setup().schedule() == null || !status.setup().enabled() ? "-"
                : status.setup().schedule() + (status.paused() ? " (paused)" : "");
        RunRecord last = status.lastRun();
        String lastRun = "-";
        if (last != null) {
            lastRun = "#" + last.id() + " " + last.status() + " " + TIME.format(last.endedAt() == null
                    ? last.startedAt() : last.endedAt().truncatedTo(ChronoUnit.SECONDS));
        }
        String running = status.progress().isEmpty() ? "-" : status.progress();
        return List.of(slug, connected, configured, mapped, schedule, lastRun, running);
    }

    /** Adds "no: reason" as a numbered note and returns the cell text, such as {@code no (2)}. */
    private static String note(List<String> notes, String slug, String text) {
        String reason = text.startsWith("no: ") ? text.substring("no: ".length()) : text;
        notes.add("(" + (notes.size() + 1) + ") " + slug + ": " + reason);
        return "no (" + notes.size() + ")";
    }

    /** Pads each column to its widest cell, under the headings. */
    private static List<String> table(List<List<String>> rows) {
        int[] widths = new int[HEADINGS.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(HEADINGS);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
