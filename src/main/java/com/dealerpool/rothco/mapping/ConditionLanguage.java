package com.dealerpool.rothco.mapping;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExpressionIllegalSyntaxException;
import org.apache.camel.Predicate;
import org.apache.camel.spi.Language;
import org.apache.camel.support.DefaultExchange;

/**
 * Compiles smart rule conditions with Camel's Simple language and builds the exchange they are
 * evaluated against: the body is the source record (or line item) and the exchange property
 * {@value #MAPPED_PROPERTY} contains the target fields mapped so far.
 */
final class ConditionLanguage {

    /** Exchange property with the fields mapped before the current one, read as {@code ${exchangeProperty.mapped[title]}}. */
    static final String MAPPED_PROPERTY = "mapped";

    private final CamelContext camelContext;
    private final Language simple;

    ConditionLanguage(CamelContext camelContext) {
        this.camelContext = camelContext;
        this.simple = camelContext.resolveLanguage("simple");
    }

    /**
     * Compiles a condition once, at template load.
     *
     * @throws RuntimeException with Camel's description when the expression is invalid
     */
    Predicate compile(String condition) {
        Predicate predicate = simple.createPredicate(condition);
        predicate.init(camelContext);
        return predicate;
    }

    /**
     * Evaluates a compiled condition once against an empty record, because Simple parses some
     * operators, such as {@code is}, only on first use.
     *
     * @throws ExpressionIllegalSyntaxException when the condition is invalid; other evaluation
     *         errors, such as reading below a missing parent field, are left for real records
     */
    void checkSyntax(Predicate predicate) {
        try {
            predicate.matches(newExchange(new HashMap<>(), new HashMap<>()));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ExpressionIllegalSyntaxException syntaxError) {
                    throw syntaxError;
                }
            }
        }
    }

    Exchange newExchange(Object body, Map<String, Object> mapped) {
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.getMessage().setBody(body);
        exchange.setProperty(MAPPED_PROPERTY, mapped);
        return exchange;
    }
}
