package com.dealerpool.rothco.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and validates every template ({@code *.template.yaml}) and mapping set ({@code *.csv},
 * other {@code *.yaml}/{@code *.yml}) of a directory; subdirectories and other files are ignored.
 */
final class CatalogLoader {

    static final String TEMPLATE_SUFFIX = ".template.yaml";
    static final String TEMPLATE_SUFFIX_SHORT = ".template.yml";

    private final MappingOptions options;
    private final ConditionLanguage conditions;

    CatalogLoader(MappingOptions options, ConditionLanguage conditions) {
        this.options = options;
        this.conditions = conditions;
    }

    /** Lists the files the catalog reads, sorted by name. */
    static List<Path> catalogFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isTemplate(file) || isMappingSet(file))
                    .sorted()
                    .toList();
        }
    }

    CatalogSnapshot load(Path directory) throws MappingValidationException {
        List<MappingProblem> problems = new ArrayList<>();
        List<Path> files;
        try {
            files = catalogFiles(directory);
        } catch (IOException e) {
            throw new MappingValidationException(List.of(new MappingProblem(directory, 0, "",
                    "cannot list the mapping-sets directory (" + e + "); create it or point the mapping directory"
                            + " setting at the folder that holds the templates")));
        }
        Map<String, MappingSet> sets = new HashMap<>();
        for (Path file : files) {
            if (isMappingSet(file)) {
                ProblemList fileProblems = new ProblemList(file);
                Optional<MappingSet> set = file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                        ? MappingSetReader.readCsv(file, fileProblems)
                        : MappingSetReader.readYaml(file, fileProblems);
                set.ifPresent(found -> addSet(found, sets, fileProblems));
                problems.addAll(fileProblems.problems());
            }
        }
        TemplateCompiler compiler = new TemplateCompiler(sets, conditions, options);
        Map<String, CompiledTemplate> templates = new HashMap<>();
        for (Path file : files) {
            if (isTemplate(file)) {
                ProblemList fileProblems = new ProblemList(file);
                compiler.compile(file, fileProblems).ifPresent(template -> addTemplate(template, templates, fileProblems));
                problems.addAll(fileProblems.problems());
            }
        }
        if (templates.isEmpty() && problems.isEmpty()) {
            problems.add(new MappingProblem(directory, 0, "", "no templates found; add at least one *"
                    + TEMPLATE_SUFFIX + " file, such as a copy of the default templates"));
        }
        if (!problems.isEmpty()) {
            throw new MappingValidationException(problems);
        }
        return new CatalogSnapshot(templates, sets);
    }

    private static void addSet(MappingSet set, Map<String, MappingSet> sets, ProblemList problems) {
        MappingSet existing = sets.putIfAbsent(set.name(), set);
        if (existing != null) {
            problems.add(0, "", "a mapping set named '" + set.name() + "' already exists in " + existing.file()
                    + "; rename one of the files");
        }
    }

    private static void addTemplate(CompiledTemplate template, Map<String, CompiledTemplate> templates,
            ProblemList problems) {
        CompiledTemplate existing = templates.putIfAbsent(template.name(), template);
        if (existing != null) {
            problems.add(0, "name", "a template named '" + template.name() + "' already exists in " + existing.file()
                    + "; give each template its own name");
        }
    }

    static boolean isTemplate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(TEMPLATE_SUFFIX) || name.endsWith(TEMPLATE_SUFFIX_SHORT);
    }

    static boolean isMappingSet(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !isTemplate(file) && (name.endsWith(".csv") || name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
