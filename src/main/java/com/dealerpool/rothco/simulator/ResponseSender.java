package com.dealerpool.rothco.simulator;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends simulator responses, now or after a delay. A delayed response is written by a
 * scheduler thread, so latency and hang faults hold no request thread and other requests keep
 * running at full speed.
 */
final class ResponseSender {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseSender.class);

    private final ScheduledExecutorService scheduler;

    ResponseSender(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void send(HttpExchange exchange, SimulatorResponse response, long delayMillis) {
        if (delayMillis <= 0) {
            write(exchange, response);
            return;
        }
        try {
            scheduler.schedule(() -> write(exchange, response), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Simulator is stopping; dropped a delayed response to {}", exchange.getRequestURI());
            exchange.close();
        }
    }

    static void write(HttpExchange exchange, SimulatorResponse response) {
        if (response == SimulatorResponse.DROPPED_CONNECTION) {
            // Closing an exchange whose headers were not sent closes the TCP connection, so the
            // client reads end of stream instead of a status line.
            exchange.close();
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        } catch (IOException e) {
            LOG.debug("Client of {} closed the connection before the response was written: {}",
                    exchange.getRequestURI(), e.toString());
        }
    }
}
