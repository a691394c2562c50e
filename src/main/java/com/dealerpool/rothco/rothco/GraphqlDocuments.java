package com.dealerpool.rothco.rothco;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.validation.ValidationError;

/**
 * The GraphQL documents the client sends, read from a folder of {@code *.graphql} files so
 * that engineers can read and edit them without a rebuild. Each document is validated against
 * the assumed Rothco schema when it is loaded, so a typo stops startup instead of failing a
 * run against Rothco.
 */
public final class GraphqlDocuments {

    private final Map<String, GraphqlDocument> byName;

    private GraphqlDocuments(Map<String, GraphqlDocument> byName) {
        this.byName = byName;
    }

    /**
     * Loads and validates every {@code *.graphql} file of a folder.
     *
     * @throws IllegalStateException listing every invalid document with the fix
     */
    public static GraphqlDocuments load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("GraphQL folder " + folder.toAbsolutePath()
                    + " not found; set rothco.graphql-dir to the folder that holds account.graphql and catalog-page.graphql");
        }
        GraphQLSchema schema = loadSchema();
        Map<String, GraphqlDocument> documents = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".graphql")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString().replaceFirst("\\.graphql$", "");
                try {
                    documents.put(name, parseAndValidate(schema, file, text));
                } catch (IllegalStateException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read GraphQL folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(System.lineSeparator(), problems));
        }
        return new GraphqlDocuments(Map.copyOf(documents));
    }

    /** Returns the document loaded from {@code <name>.graphql}. */
    public GraphqlDocument get(String name) {
        GraphqlDocument document = byName.get(name);
        if (document == null) {
            throw new IllegalStateException("GraphQL document '" + name + ".graphql' not found; known documents are "
                    + byName.keySet());
        }
        return document;
    }

    /** Builds the executable form of the assumed schema, without resolvers. */
    public static GraphQLSchema loadSchema() {
        return new SchemaGenerator().makeExecutableSchema(RothcoSchema.typeDefinitions(), RuntimeWiring.MOCKED_WIRING);
    }

    private static GraphqlDocument parseAndValidate(GraphQLSchema schema, Path file, String text) {
        Document document;
        try {
            document = Parser.parse(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(file + ": invalid GraphQL syntax: " + e.getMessage());
        }
        List<ValidationError> errors = ParseAndValidate.validate(schema, document, Locale.ENGLISH);
        if (!errors.isEmpty()) {
            List<String> lines = errors.stream().map(error -> file + ": " + error.getDescription()
                    + " (fix the document so that it matches the schema files " + RothcoSchema.RESOURCES + " in src/main/resources)").toList();
            throw new IllegalStateException(String.join(System.lineSeparator(), lines));
        }
        String operationName = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .map(OperationDefinition::getName).filter(name -> name != null).findFirst().orElse(null);
        return new GraphqlDocument(file.getFileName().toString(), text, operationName);
    }

    /** One document: its file name, text and first operation name. */
    public record GraphqlDocument(String fileName, String text, String operationName) {
    }
}
