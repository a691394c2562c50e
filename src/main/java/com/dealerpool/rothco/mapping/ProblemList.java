package com.dealerpool.rothco.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems found in one file, so that validation reports all of them at once. */
final class ProblemList {

    private final Path file;
    private final List<MappingProblem> problems = new ArrayList<>();

    ProblemList(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(int line, String field, String message) {
        problems.add(new MappingProblem(file, line, field == null ? "" : field, message));
    }

    void add(Node node, String field, String message) {
        add(YamlNodes.line(node), field, message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<MappingProblem> problems() {
        return problems;
    }
}
