package com.dealerpool.rothco.rothco;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The last steps of Test Connection: reads Rothco's account response or classifies the failure,
 * logs the outcome and keeps the last result per source for status and JMX.
 */
public final class ConnectionChecks {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChecks.class);

    private final ConnectorSettings settings;
    private final ObjectMapper mapper;
    private final Map<String, ConnectionResult> lastResults = new ConcurrentHashMap<>();
    private final Consumer<ConnectionResult> resultListener;

    public ConnectionChecks(ConnectorSettings settings, ObjectMapper mapper) {
        this(settings, mapper, result -> { });
    }

    /** Also hands every result to {@code resultListener}, such as a writer that stores it in the pool. */
    public ConnectionChecks(ConnectorSettings settings, ObjectMapper mapper, Consumer<ConnectionResult> resultListener) {
        this.settings = settings;
        this.mapper = mapper;
        this.resultListener = resultListener;
    }

    /** Reads a successful response. GraphQL errors or an unexpected body count as a failed test. */
    public ConnectionResult connected(Exchange exchange, String sourceId) {
        ApiKey key = settings.source(sourceId).apiKey();
        JsonNode account;
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            JsonNode response = mapper.readTree(body);
            if (response.path("errors").isArray() && !response.path("errors").isEmpty()) {
                JsonNode first = response.path("errors").get(0);
                return remember(exchange, new ConnectionResult(sourceId, ConnectionStatus.INVALID_RESPONSE,
                        "Rothco returned an error: " + first.path("message").asText() + " ["
                                + first.path("extensions").path("code").asText() + "]", Instant.now()));
            }
            account = response.path("data").path("account");
        } catch (IOException e) {
            return remember(exchange, new ConnectionResult(sourceId, ConnectionStatus.INVALID_RESPONSE,
                    "Rothco's response is not valid JSON: " + e.getMessage(), Instant.now()));
        }
        if (account.isMissingNode() || account.isNull()) {
            return remember(exchange, new ConnectionResult(sourceId, ConnectionStatus.INVALID_RESPONSE,
                    "Rothco's response has no account data", Instant.now()));
        }
        String message = "account " + account.path("accountNumber").asText() + " (" + account.path("name").asText()
                + "), " + account.path("mode").asText() + " mode, key " + key.masked();
        return remember(exchange, new ConnectionResult(sourceId, ConnectionStatus.CONNECTED, message, Instant.now()));
    }

    /** Classifies the exception that ended the test. */
    public ConnectionResult failed(Exchange exchange, String sourceId) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        RothcoFailures.Failure failure = RothcoFailures.classify(error, sourceId, settings.source(sourceId).apiKey());
        return remember(exchange, new ConnectionResult(sourceId, failure.status(), failure.message(), Instant.now()));
    }

    /** Returns the last result of a source, if it was tested since startup. */
    public Optional<ConnectionResult> lastResult(String sourceId) {
        return Optional.ofNullable(lastResults.get(sourceId));
    }

    private ConnectionResult remember(Exchange exchange, ConnectionResult result) {
        lastResults.put(result.sourceId(), result);
        resultListener.accept(result);
        if (result.connected()) {
            LOG.info("Test Connection of {}: {}: {}", result.sourceId(), result.status().label(), result.message());
        } else {
            LOG.warn("Test Connection of {}: {}: {}", result.sourceId(), result.status().label(), result.message());
        }
        exchange.getMessage().setBody(result);
        return result;
    }
}
