package com.dealerpool.rothco.rothco;

import java.time.Instant;

/**
 * Result of Test Connection for one source.
 *
 * @param sourceId the source
 * @param status   Connected, or the reason it is not
 * @param message  details: the account on success, the cause and fix otherwise
 * @param testedAt when the test ran
 */
public record ConnectionResult(String sourceId, ConnectionStatus status, String message, Instant testedAt) {

    public boolean connected() {
        return status == ConnectionStatus.CONNECTED;
    }
}
