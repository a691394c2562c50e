package com.dealerpool.rothco.management;

import java.security.AccessController;
import java.security.Principal;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/** Names the caller of a JMX operation for the audit columns of the pool, such as {@code jmx:control@node-1}. */
final class JmxCaller {

    private JmxCaller() {
    }

    /**
     * Returns {@code jmx:<user>@<node>} for a remote caller that authenticated, or {@code jmx@<node>}
     * for a local or anonymous caller.
     */
    @SuppressWarnings("removal")
    static String describe(String nodeName) {
        // The JMX connector runs each remote call inside the authenticated Subject (Java 17 API;
        // Subject.current() replaces it from Java 18 on).
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals(JMXPrincipal.class)) {
                return "jmx:" + principal.getName() + "@" + nodeName;
            }
        }
        return "jmx@" + nodeName;
    }
}
