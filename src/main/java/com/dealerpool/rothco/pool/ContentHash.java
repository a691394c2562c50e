package com.dealerpool.rothco.pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of strings, each written with its length first so that different
 * sequences never produce the same input bytes. Returns 64 hex characters.
 */
final class ContentHash {

    private final MessageDigest digest;
    private final byte[] lengthBytes = new byte[4];

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    ContentHash add(String value) {
        if (value == null) {
            addLength(-1);
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        addLength(bytes.length);
        digest.update(bytes);
        return this;
    }

    String finish() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void addLength(int length) {
        lengthBytes[0] = (byte) (length >>> 24);
        lengthBytes[1] = (byte) (length >>> 16);
        lengthBytes[2] = (byte) (length >>> 8);
        lengthBytes[3] = (byte) length;
        digest.update(lengthBytes);
    }
}
