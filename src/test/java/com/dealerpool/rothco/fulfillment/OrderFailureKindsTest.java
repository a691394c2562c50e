package com.dealerpool.rothco.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/** Rejection kinds of Rothco's error codes, and the failures that prove that no order was placed. */
class OrderFailureKindsTest {

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://127.0.0.1/sandbox/graphql", status, "status " + status, null,
                Map.of(), "{}");
    }

    @Test
    void codesMapToKinds() {
        assertThat(RejectionKind.ofCode("GRAPHQL_VALIDATION_FAILED")).as("validation")
                .isEqualTo(RejectionKind.MISSING_OR_INVALID_FIELD);
        assertThat(RejectionKind.ofCode("BAD_USER_INPUT")).as("bad input").isEqualTo(RejectionKind.MISSING_OR_INVALID_FIELD);
        assertThat(RejectionKind.ofCode("DUPLICATE_PO")).as("duplicate").isEqualTo(RejectionKind.DUPLICATE_PO);
        assertThat(RejectionKind.ofCode("ITEM_UNAVAILABLE")).as("unavailable").isEqualTo(RejectionKind.ITEM_UNAVAILABLE);
        assertThat(RejectionKind.ofCode("RESTRICTED_ITEM")).as("restricted").isEqualTo(RejectionKind.RESTRICTED_ITEM);
        assertThat(RejectionKind.ofCode("HAZMAT_RESTRICTED")).as("hazmat").isEqualTo(RejectionKind.HAZMAT_RESTRICTED);
        assertThat(RejectionKind.ofCode("SHIPPING_METHOD_NOT_ACCEPTED")).as("shipping")
                .isEqualTo(RejectionKind.SHIPPING_METHOD_NOT_ACCEPTED);
        assertThat(RejectionKind.ofCode("SOMETHING_NEW")).as("unknown code").isEqualTo(RejectionKind.OTHER);
    }

    @Test
    void onlyRestrictionsAreRoutable() {
        for (RejectionKind kind : RejectionKind.values()) {
            boolean expected = kind == RejectionKind.RESTRICTED_ITEM || kind == RejectionKind.HAZMAT_RESTRICTED;
            assertThat(kind.routable()).as("routable %s", kind).isEqualTo(expected);
        }
    }

    @Test
    void failuresBeforeSendingPlacedNoOrder() {
        assertThat(OrderReplies.placedNoOrder(new ConnectException("Connection refused"))).as("refused").isTrue();
        assertThat(OrderReplies.placedNoOrder(new IOException(http(429)))).as("HTTP 429").isTrue();
        assertThat(OrderReplies.placedNoOrder(http(401))).as("HTTP 401").isTrue();
    }

    @Test
    void failuresAfterSendingMayHavePlacedOrder() {
        assertThat(OrderReplies.placedNoOrder(new SocketTimeoutException("Read timed out"))).as("timeout").isFalse();
        assertThat(OrderReplies.placedNoOrder(new NoHttpResponseException("no response"))).as("dropped").isFalse();
        assertThat(OrderReplies.placedNoOrder(http(500))).as("HTTP 500").isFalse();
        assertThat(OrderReplies.placedNoOrder(http(502))).as("HTTP 502").isFalse();
    }
}
