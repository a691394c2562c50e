package com.dealerpool.rothco.rothco;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The assumed Rothco V2 schema as type definitions: the catalog schema and the order
 * extension, read from the classpath. The client validates its documents against it and the
 * simulator serves it.
 */
public final class RothcoSchema {

    /** Classpath resources of the schema, in the order they are merged. */
    public static final List<String> RESOURCES = List.of("rothco/rothco-v2.graphqls", "rothco/rothco-v2-orders.graphqls");

    private RothcoSchema() {
    }

    /**
     * Parses every schema resource and merges them.
     *
     * @throws IllegalStateException when a resource is missing or cannot be read
     */
    public static TypeDefinitionRegistry typeDefinitions() {
        TypeDefinitionRegistry merged = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        for (String resource : RESOURCES) {
            try (InputStream stream = RothcoSchema.class.getClassLoader().getResourceAsStream(resource)) {
                if (stream == null) {
                    throw new IllegalStateException("Schema resource " + resource
                            + " is missing from the classpath; rebuild the project so src/main/resources is copied");
                }
                try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                    merged.merge(parser.parse(reader));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read schema resource " + resource + ": " + e.getMessage(), e);
            }
        }
        return merged;
    }
}
