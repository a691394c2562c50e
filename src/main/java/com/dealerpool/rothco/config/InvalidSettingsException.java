package com.dealerpool.rothco.config;

import java.util.List;

/**
 * Thrown when one or more settings are missing or invalid. Each problem is one line that
 * names the property and the fix; startup prints them all and stops.
 */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
