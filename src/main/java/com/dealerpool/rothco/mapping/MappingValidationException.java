package com.dealerpool.rothco.mapping;

import java.util.List;

/** Thrown when templates or mapping sets are invalid; lists every problem found, not only the first. */
public class MappingValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    public MappingValidationException(List<MappingProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }

    private static String describe(List<MappingProblem> problems) {
        StringBuilder text = new StringBuilder()
                .append(problems.size()).append(problems.size() == 1 ? " mapping problem:" : " mapping problems:");
        for (MappingProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        return text.toString();
    }
}
