package com.dealerpool.rothco.fulfillment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.pool.DuplicateFulfillmentRequestException;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Takes fulfillment requests in from JSON (one FR object or a list of them), as the inbox
 * folder route and the HTTP endpoint receive it. Every FR of the input is parsed and
 * validated before any is stored, so an input is accepted whole or rejected whole with
 * every problem named. Accepted FRs are stored as new and sent like any other.
 */
public final class FulfillmentIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentIntake.class);

    private final FulfillmentStore store;
    private final FulfillmentValidator validator;
    private final FulfillmentSettings settings;
    private final Set<String> acceptingSources;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public FulfillmentIntake(FulfillmentStore store, FulfillmentValidator validator, FulfillmentSettings settings) {
        this(store, validator, settings, settings.bySource().keySet());
    }

    /** @param acceptingSources sources that FRs may be routed to; FRs for the other sources are rejected */
    public FulfillmentIntake(FulfillmentStore store, FulfillmentValidator validator, FulfillmentSettings settings,
            Set<String> acceptingSources) {
        this.store = store;
        this.validator = validator;
        this.settings = settings;
        this.acceptingSources = Set.copyOf(acceptingSources);
    }

    /**
     * Parses, validates and stores the FRs of a JSON text; returns their FR numbers.
     *
     * @param origin where the text came from, for messages, such as a file name
     * @throws InvalidFulfillmentRequestException listing every problem; nothing is stored then
     */
    public List<String> accept(String json, String origin) {
        List<FulfillmentRequest> requests = parse(json, origin);
        List<String> problems = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (FulfillmentRequest request : requests) {
            String label = request.frNumber() == null ? origin + " FR " + (requests.indexOf(request) + 1)
                    : "FR " + request.frNumber();
            validator.problems(request).forEach(problem -> problems.add(label + ": " + problem));
            if (request.sourceId() == null) {
                problems.add(label + ": no source; add \"source\" or set fulfillment.intake.default-source");
            } else if (!settings.bySource().containsKey(request.sourceId())) {
                problems.add(label + ": source '" + request.sourceId() + "' is not configured; use one of "
                        + settings.bySource().keySet());
            } else if (!acceptingSources.contains(request.sourceId())) {
                problems.add(label + ": source '" + request.sourceId() + "' does not accept fulfillment requests"
                        + " (rothco.sources." + request.sourceId() + ".accepts-fulfillment-requests=false); use one of "
                        + acceptingSources.stream().sorted().toList());
            }
            if (request.frNumber() != null && !numbers.add(request.frNumber())) {
                problems.add(label + ": the FR Number appears twice in " + origin);
            }
            if (request.frNumber() != null && store.status(request.frNumber()).isPresent()) {
                problems.add(label + ": already in the pool; send each FR Number once");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFulfillmentRequestException(problems);
        }
        List<String> stored = new ArrayList<>();
        for (FulfillmentRequest request : requests) {
            try {
                store.insert(request, FulfillmentStatus.NEW, null, "intake: " + origin);
                stored.add(request.frNumber());
            } catch (DuplicateFulfillmentRequestException e) {
                throw new InvalidFulfillmentRequestException(List.of("FR " + request.frNumber() + ": " + e.getMessage()
                        + (stored.isEmpty() ? "" : " (stored before it: " + stored + ")")));
            }
        }
        LOG.info("Received {} fulfillment requests from {}: {}", stored.size(), origin, stored);
        return stored;
    }

    /** Accepts the file in the message body; the inbox route's step. */
    public void acceptFile(String body, Exchange exchange) {
        accept(body, exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
    }

    /**
     * Writes the reasons next to the file in the error folder ({@code <name>.error.txt}) and
     * logs them; the inbox route's error step.
     */
    public void rejectFile(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = error == null ? "unknown error" : error.getMessage();
        LOG.warn("Fulfillment request file {} rejected and moved to the error folder: {}", fileName, reason);
        Path errorFolder = Path.of(settings.inboxDirectory(), "error");
        try {
            Files.createDirectories(errorFolder);
            Files.writeString(errorFolder.resolve(fileName + ".error.txt"), reason + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Cannot write the reasons for {} to {}: {}", fileName, errorFolder, e.getMessage());
        }
    }

    /**
     * Accepts the body of a POST and sets the response: 201 with the FR numbers, 400 with every
     * problem, or 401 when the token is required and missing or wrong.
     */
    public void acceptHttp(String body, Exchange exchange) throws JsonProcessingException {
        String token = settings.httpToken();
        if (token != null && !("Bearer " + token).equals(exchange.getMessage().getHeader("Authorization", String.class))) {
            respond(exchange, 401, Map.of("error", "Missing or wrong token; send the header Authorization: Bearer"
                    + " <fulfillment.http.token>"));
            return;
        }
        try {
            List<String> stored = accept(body, "HTTP request");
            respond(exchange, 201, Map.of("accepted", stored));
        } catch (InvalidFulfillmentRequestException e) {
            LOG.warn("Fulfillment requests over HTTP rejected: {}", e.getMessage());
            respond(exchange, 400, Map.of("errors", e.problems()));
        }
    }

    private void respond(Exchange exchange, int status, Map<String, Object> body) throws JsonProcessingException {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }

    private List<FulfillmentRequest> parse(String json, String origin) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFulfillmentRequestException(List.of(origin + " is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()));
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(nodes::add);
        } else if (root != null && root.isObject()) {
            nodes.add(root);
        } else {
            throw new InvalidFulfillmentRequestException(List.of(origin
                    + " holds no fulfillment request; send one JSON object or a list of them"));
        }
        List<FulfillmentRequest> requests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                FulfillmentRequestJson parsed = mapper.treeToValue(nodes.get(i), FulfillmentRequestJson.class);
                String source = parsed.source() == null ? settings.intakeSource() : parsed.source();
                requests.add(parsed.toRequest(source));
            } catch (JsonProcessingException e) {
                problems.add(origin + " FR " + (i + 1) + ": " + e.getOriginalMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFulfillmentRequestException(problems);
        }
        return requests;
    }
}
