package com.dealerpool.rothco.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks, before Camel starts its HTTP servers, that the address and port of each enabled server
 * can be bound. Camel's Vert.x servers only log a warning when a port is taken and the runtime then
 * runs without that endpoint, so a service checks here and stops with a clear line instead.
 */
public final class ServerPorts {

    /** One HTTP server of Camel Main: its setting prefix, defaults and what it serves. */
    private record Server(String prefix, String defaultPort, String purpose) {
    }

    private static final List<Server> SERVERS = List.of(
            new Server("camel.server", "8080", "the HTTP intake of fulfillment requests"),
            new Server("camel.management", "9876", "the health and metrics server"));

    private ServerPorts() {
    }

    /**
     * Returns one problem per enabled server whose port cannot be bound, naming the key, the
     * value and the fix; empty when every port is free.
     *
     * @param property resolves a setting, or returns null when it is not set
     */
    public static List<String> problems(Function<String, String> property) {
        List<String> problems = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (Server server : SERVERS) {
            if (!Boolean.parseBoolean(trimmed(property.apply(server.prefix() + ".enabled"), "false"))) {
                continue;
            }
            String host = trimmed(property.apply(server.prefix() + ".host"), "0.0.0.0");
            String portKey = server.prefix() + ".port";
            String portText = trimmed(property.apply(portKey), server.defaultPort());
            int port;
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                problems.add(portKey + "=" + portText + " is not a port number; use a free port from 1 to 65535");
                continue;
            }
            if (port < 0 || port > 65535) {
                problems.add(portKey + "=" + portText + " is out of range; use a free port from 1 to 65535");
                continue;
            }
            // Port 0 takes any free port; two servers on one address and port share one server.
            if (port == 0 || !checked.add(host + ":" + port)) {
                continue;
            }
            String reason = bindProblem(host, port);
            if (reason != null) {
                problems.add(portKey + "=" + port + " cannot be bound on " + host + " (" + reason + "), so "
                        + server.purpose() + " cannot start; stop the process that holds the port (ss -ltnp shows"
                        + " it) or set " + portKey + " to a free port");
            }
        }
        return problems;
    }

    /** Binds and closes a socket on the address and port; returns why it failed, or null. */
    private static String bindProblem(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return "the host " + host + " does not resolve to an address of this machine";
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(address);
            return null;
        } catch (java.net.BindException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            return message.toLowerCase(java.util.Locale.ROOT).contains("in use")
                    ? "the port is already in use" : message;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static String trimmed(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
