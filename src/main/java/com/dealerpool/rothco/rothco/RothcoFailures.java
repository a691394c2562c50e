package com.dealerpool.rothco.rothco;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Turns an exception from a Rothco call into a status and a message that names the cause and
 * the fix. Used by Test Connection, the job log and the dead letter channels.
 */
public final class RothcoFailures {

    private RothcoFailures() {
    }

    /** A classified failure: its status and a message safe to log (no API key). */
    public record Failure(ConnectionStatus status, String message) {
    }

    /**
     * Classifies a failure of a call made for one source.
     *
     * @param error    the exception, or one that wraps it
     * @param sourceId the source whose key was used, for the fix in the message
     * @param apiKey   the key, shown masked
     */
    public static Failure classify(Throwable error, String sourceId, ApiKey apiKey) {
        String keyProperty = "rothco.sources." + sourceId + ".api-key";
        String masked = apiKey == null ? "****" : apiKey.masked();
        Throwable cause = rootOf(error);

        if (cause instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            String body = http.getResponseBody() == null ? "" : http.getResponseBody();
            if (status == 401) {
                return new Failure(ConnectionStatus.INVALID_KEY, "Rothco rejected API key " + masked
                        + " (HTTP 401): the key is invalid, rotated or still a Sandbox key; paste a fresh key from"
                        + " Rothco's API Portal Settings into " + keyProperty);
            }
            if (status == 403 && body.contains(RothcoContract.CODE_SANDBOX_KEY_ON_LIVE)) {
                return new Failure(ConnectionStatus.SANDBOX_KEY_ON_LIVE, "Rothco refused API key " + masked
                        + " (HTTP 403): it is still a Sandbox key but the source calls the Live API; finish Rothco's"
                        + " test-order approval and set the Live key in " + keyProperty
                        + ", or set rothco.sources." + sourceId + ".mode=sandbox");
            }
            if (status == 403 && body.contains(RothcoContract.CODE_LIVE_KEY_ON_SANDBOX)) {
                return new Failure(ConnectionStatus.LIVE_KEY_ON_SANDBOX, "Rothco refused API key " + masked
                        + " (HTTP 403): it is a Live key but the source calls the Sandbox API; set rothco.sources."
                        + sourceId + ".mode=live");
            }
            if (status == 403) {
                return new Failure(ConnectionStatus.INVALID_KEY, "Rothco refused API key " + masked
                        + " (HTTP 403): the key is still a Sandbox key or the account has no API access; check"
                        + " the account in Rothco's API Portal and " + keyProperty);
            }
            if (status == 429) {
                return new Failure(ConnectionStatus.RATE_LIMITED, "Rothco kept answering HTTP 429 (rate limited)"
                        + " after the retries; lower rothco.sources." + sourceId + ".max-requests-per-second");
            }
            return new Failure(ConnectionStatus.SERVER_ERROR, "Rothco answered HTTP " + status
                    + " after the retries: " + abbreviate(body, 300));
        }
        if (cause instanceof SocketTimeoutException || isTimeout(cause)) {
            return new Failure(ConnectionStatus.TIMED_OUT, "Rothco did not answer in time (" + cause.getMessage()
                    + "); check the network or raise camel.component.http.response-timeout");
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException) {
            return new Failure(ConnectionStatus.UNREACHABLE, "Rothco is unreachable (" + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage() + "); check rothco.sources." + sourceId + ".url and the network");
        }
        if (cause instanceof RothcoResponseException response) {
            return new Failure(ConnectionStatus.INVALID_RESPONSE, response.getMessage());
        }
        return new Failure(ConnectionStatus.INVALID_RESPONSE, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** Returns the Retry-After delay of an HTTP 429 failure in milliseconds, or -1. */
    public static long retryAfterMillis(Throwable error) {
        if (rootOf(error) instanceof HttpOperationFailedException http && http.getStatusCode() == 429) {
            Map<String, String> headers = http.getResponseHeaders();
            if (headers != null) {
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    if (RothcoContract.RETRY_AFTER_HEADER.equalsIgnoreCase(header.getKey())) {
                        try {
                            return Math.max(0, Long.parseLong(header.getValue().trim())) * 1000L;
                        } catch (NumberFormatException e) {
                            return -1;
                        }
                    }
                }
            }
        }
        return -1;
    }

    private static boolean isTimeout(Throwable cause) {
        String name = cause.getClass().getName();
        return name.endsWith("TimeoutException") || name.endsWith("InterruptedIOException");
    }

    private static Throwable rootOf(Throwable error) {
        Throwable current = error;
        while (current != null) {
            if (current instanceof HttpOperationFailedException || current instanceof RothcoResponseException
                    || current instanceof SocketTimeoutException || current instanceof ConnectException
                    || current instanceof UnknownHostException) {
                return current;
            }
            if (current.getCause() == null || current.getCause() == current) {
                return current;
            }
            current = current.getCause();
        }
        return error;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
