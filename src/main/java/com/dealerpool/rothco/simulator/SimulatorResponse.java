package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** An HTTP response of the simulator, built before it is sent, so it can be sent later. */
record SimulatorResponse(int status, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Marker response: close the connection without writing a status line. */
    static final SimulatorResponse DROPPED_CONNECTION = new SimulatorResponse(-1, Map.of(), new byte[0]);

    static SimulatorResponse json(int status, Object body) {
        return new SimulatorResponse(status, Map.of(), toJson(body));
    }

    /** Builds a GraphQL-style error response: {@code {"errors":[{"message":...,"extensions":{"code":...}}]}}. */
    static SimulatorResponse graphqlError(int status, String message, String code) {
        return json(status, errorsBody(message, code));
    }

    static Map<String, Object> errorsBody(String message, String code) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    SimulatorResponse withHeader(String name, String value) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(headers);
        merged.put(name, value);
        return new SimulatorResponse(status, Map.copyOf(merged), body);
    }

    static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to write a simulator response as JSON", e);
        }
    }
}
