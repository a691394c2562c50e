package com.dealerpool.rothco.fulfillment;

import java.util.List;

/** Intake input that cannot become fulfillment requests; the message lists every problem. */
public final class InvalidFulfillmentRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidFulfillmentRequestException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
