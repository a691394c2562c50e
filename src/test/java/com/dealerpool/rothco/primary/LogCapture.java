package com.dealerpool.rothco.primary;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Captures everything every logger writes while it is open, whatever the configured levels. */
public final class LogCapture implements AutoCloseable {

    private final StringWriter output = new StringWriter();
    private final WriterAppender appender;
    private final LoggerContext context;

    LogCapture() {
        this("%level %c - %msg%n%throwable");
    }

    /** Captures with a Log4j2 pattern, such as one that shows MDC keys with %X{key}. */
    public LogCapture(String pattern) {
        context = (LoggerContext) LogManager.getContext(false);
        appender = WriterAppender.newBuilder()
                .setName("capture-" + System.nanoTime())
                .setTarget(output)
                .setLayout(PatternLayout.newBuilder().withPattern(pattern).build())
                .build();
        appender.start();
        context.getConfiguration().addAppender(appender);
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        // Additive loggers pass their events on to the root logger, which captures them once.
        context.getConfiguration().getLoggers().values().stream()
                .filter(logger -> !logger.isAdditive())
                .forEach(logger -> logger.addAppender(appender, Level.ALL, null));
        context.updateLoggers();
    }

    public String text() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.getConfiguration().getLoggers().values().forEach(logger -> logger.removeAppender(appender.getName()));
        context.updateLoggers();
        appender.stop();
    }
}
