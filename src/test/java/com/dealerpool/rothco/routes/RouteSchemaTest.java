package com.dealerpool.rothco.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks every route file in {@code routes/} against the YAML DSL JSON schema that ships inside
 * camel-yaml-dsl, so a typo in a route fails the build instead of the runtime.
 */
class RouteSchemaTest {

    private static final Path ROUTES = Path.of("routes");

    static Stream<Path> routeFiles() throws IOException {
        return Files.list(ROUTES).filter(path -> path.toString().endsWith(".camel.yaml")).sorted();
    }

    @Test
    void routesFolderHasRouteFiles() throws IOException {
        assertThat(routeFiles().toList()).as("route files in %s", ROUTES.toAbsolutePath()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void routeFileMatchesCamelSchema(Path file) throws IOException {
        List<Error> errors = camelSchema().validate(toJson(file));
        assertThat(errors).as("schema errors in %s", file).isEmpty();
    }

    @Test
    void schemaRejectsUnknownStep() throws IOException {
        JsonNode route = new ObjectMapper().readTree(
                "[{\"route\":{\"from\":{\"uri\":\"direct:a\",\"steps\":[{\"sendTwice\":{\"uri\":\"log:a\"}}]}}}]");
        assertThat(camelSchema().validate(route)).as("errors for an unknown step").isNotEmpty();
    }

    private static Schema camelSchema() {
        try (InputStream schema = RouteSchemaTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(schema).as("schema/camelYamlDsl.json on the classpath (camel-yaml-dsl)").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(schema.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode toJson(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object yaml = new Load(LoadSettings.builder().build()).loadFromReader(reader);
            return new ObjectMapper().valueToTree(yaml);
        }
    }
}
