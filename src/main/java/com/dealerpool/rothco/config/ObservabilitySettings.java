package com.dealerpool.rothco.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Settings of run notifications ({@code rothco.notifications.*}) and of the Rothco readiness
 * check ({@code rothco.health.*}).
 *
 * @param notificationEndpoints  Camel endpoint URIs that receive each notification
 * @param repeatWindow           time in which a repeat of the same error sends no notification;
 *                               zero sends every one
 * @param notifyWarnings         whether runs that succeeded with warnings send a notification
 * @param connectionCheckMaxAge  age after which the readiness check tests a source's connection again
 */
public record ObservabilitySettings(List<String> notificationEndpoints, Duration repeatWindow,
        boolean notifyWarnings, Duration connectionCheckMaxAge) {

    /** Default notification endpoint: one WARN line per notification, the JSON body only. */
    public static final String DEFAULT_ENDPOINT = "log:com.dealerpool.rothco.notifications?level=WARN&plain=true";

    public static final String ENDPOINTS_KEY = "rothco.notifications.endpoints";

    /**
     * Reads the settings.
     *
     * @throws InvalidSettingsException listing every invalid value with its fix
     */
    public static ObservabilitySettings read(Function<String, String> lookup) {
        SettingsReader reader = new SettingsReader(lookup);
        List<String> endpoints = new ArrayList<>();
        for (String uri : reader.text(ENDPOINTS_KEY, DEFAULT_ENDPOINT).split(",")) {
            if (!uri.isBlank()) {
                endpoints.add(uri.trim());
            }
        }
        if (endpoints.isEmpty()) {
            reader.problem(ENDPOINTS_KEY + " is empty; list at least one Camel endpoint URI, such as "
                    + DEFAULT_ENDPOINT);
        }
        int windowMinutes = reader.integer("rothco.notifications.repeat-window-minutes", 60, 0, 10_080);
        boolean warnings = reader.bool("rothco.notifications.on-warnings", true);
        int checkSeconds = reader.integer("rothco.health.connection-check-seconds", 60, 1, 86_400);
        reader.throwIfInvalid();
        return new ObservabilitySettings(List.copyOf(endpoints), Duration.ofMinutes(windowMinutes), warnings,
                Duration.ofSeconds(checkSeconds));
    }
}
