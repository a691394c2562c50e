package com.dealerpool.rothco.config;

import java.nio.file.Path;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A settings file read the way the runtime reads it, through Camel's properties component so that
 * placeholders such as {@code {{env:NAME:default}}} resolve, for commands that start no routes.
 */
public final class SettingsFile {

    private SettingsFile() {
    }

    /** Starts a CamelContext without JMX and routes whose properties come from the file; the caller stops it. */
    public static CamelContext open(Path config) {
        CamelContext camel = new DefaultCamelContext();
        camel.disableJMX();
        camel.getPropertiesComponent().setLocation("file:" + config.toAbsolutePath());
        camel.start();
        return camel;
    }

    /** Returns a lookup of resolved property values, null for unset keys. */
    public static Function<String, String> lookup(CamelContext camel) {
        return key -> camel.getPropertiesComponent().resolveProperty(key).orElse(null);
    }
}
