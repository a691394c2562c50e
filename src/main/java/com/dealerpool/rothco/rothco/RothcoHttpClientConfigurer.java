package com.dealerpool.rothco.rothco;

import java.util.function.Supplier;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequestInterceptor;

/**
 * Adds the API key and the JSON headers to every request of one source's HTTP endpoint.
 * <p>
 * The key is set on the wire request inside the HTTP client, so it never becomes a Camel
 * message header and cannot show up in message history, tracing or a dead letter. The
 * endpoint also sets {@code skipRequestHeaders=true}, so no Camel header reaches Rothco.
 */
public final class RothcoHttpClientConfigurer implements HttpClientConfigurer {

    private final Supplier<ApiKey> apiKey;

    public RothcoHttpClientConfigurer(ApiKey apiKey) {
        this.apiKey = () -> apiKey;
    }

    /** Reads the key from {@code keys} on every request, so a rotated key is sent without a restart. */
    public RothcoHttpClientConfigurer(SourceApiKeys keys, String sourceId) {
        this.apiKey = () -> keys.current(sourceId);
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        HttpRequestInterceptor addHeaders = (request, entity, context) -> {
            request.setHeader(RothcoContract.API_KEY_HEADER, apiKey.get().reveal());
            request.setHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            request.setHeader(HttpHeaders.ACCEPT, "application/json");
        };
        clientBuilder.addRequestInterceptorLast(addHeaders);
    }

    public ApiKey apiKey() {
        return apiKey.get();
    }
}
