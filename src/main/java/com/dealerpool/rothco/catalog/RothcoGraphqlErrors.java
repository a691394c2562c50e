package com.dealerpool.rothco.catalog;

import java.util.List;
import java.util.Map;

import com.dealerpool.rothco.rothco.RothcoResponseException;

/** Raises GraphQL {@code errors[]} of a Rothco response, keeping Rothco's text and code unchanged. */
final class RothcoGraphqlErrors {

    private RothcoGraphqlErrors() {
    }

    static void throwIfPresent(Map<String, Object> response, String context) {
        Object errors = response.get("errors");
        if (!(errors instanceof List<?> list) || list.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(context).append(": Rothco returned errors: ");
        String firstCode = null;
        for (int i = 0; i < list.size(); i++) {
            Object error = list.get(i);
            if (i > 0) {
                message.append("; ");
            }
            if (error instanceof Map<?, ?> map) {
                message.append(map.get("message"));
                if (map.get("extensions") instanceof Map<?, ?> extensions && extensions.get("code") != null) {
                    message.append(" [").append(extensions.get("code")).append(']');
                    if (firstCode == null) {
                        firstCode = String.valueOf(extensions.get("code"));
                    }
                }
            } else {
                message.append(error);
            }
        }
        throw new RothcoResponseException(message.toString(), firstCode);
    }
}
