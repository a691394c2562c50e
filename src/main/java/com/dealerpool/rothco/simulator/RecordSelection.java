package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.RecordFieldAccessors.RecordType;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.introspection.Introspection;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields a query selects on a record-backed object type, such as {@code ProductLine}, with
 * fragments, aliases and {@code @skip}/{@code @include} already resolved by graphql-java's field
 * collector. It writes a record as the JSON object graphql-java would complete, with the same
 * keys in the same order and the same values, in one pass and without intermediate maps.
 * <p>
 * It covers the String, Float and Boolean scalars, lists, nested record types and
 * {@code __typename}; {@link #compile} returns null for any other selection.
 */
final class RecordSelection {

    /** Collects the merged sub-fields of a field on an object type, as graphql-java's executor does. */
    @FunctionalInterface
    interface SubFieldCollector {
        MergedSelectionSet collect(GraphQLObjectType objectType, MergedField field);
    }

    private final String typeName;
    private final Class<?> javaType;
    private final List<SelectedField> fields;

    private RecordSelection(String typeName, Class<?> javaType, List<SelectedField> fields) {
        this.typeName = typeName;
        this.javaType = javaType;
        this.fields = fields;
    }

    /**
     * Compiles the selection of a field on a record-backed object type.
     *
     * @return the selection, or null when a selected field has no accessor or a type this class
     *         does not write, so the caller must let graphql-java complete the value
     */
    static RecordSelection compile(GraphQLObjectType objectType, MergedField field, SubFieldCollector collector) {
        RecordType recordType = RecordFieldAccessors.forTypeName(objectType.getName());
        if (recordType == null) {
            return null;
        }
        MergedSelectionSet subFields = collector.collect(objectType, field);
        List<SelectedField> selected = new ArrayList<>(subFields.size());
        for (Map.Entry<String, MergedField> entry : subFields.getSubFields().entrySet()) {
            MergedField subField = entry.getValue();
            if (Introspection.TypeNameMetaFieldDef.getName().equals(subField.getName())) {
                selected.add(new SelectedField(new SerializedString(entry.getKey()), null, null));
                continue;
            }
            GraphQLFieldDefinition definition = objectType.getFieldDefinition(subField.getName());
            Function<Object, Object> accessor = recordType.fields().get(subField.getName());
            if (definition == null || accessor == null) {
                return null;
            }
            SelectedValue value = SelectedValue.compile(definition.getType(), subField, collector);
            if (value == null) {
                return null;
            }
            selected.add(new SelectedField(new SerializedString(entry.getKey()), accessor, value));
        }
        return new RecordSelection(objectType.getName(), recordType.javaType(), List.copyOf(selected));
    }

    /** Returns whether graphql-java would complete this record without an error or a null bubbling up. */
    boolean accepts(Object record) {
        if (!javaType.isInstance(record)) {
            return false;
        }
        for (SelectedField field : fields) {
            if (field.accessor() != null && !field.value().accepts(field.accessor().apply(record))) {
                return false;
            }
        }
        return true;
    }

    /** Writes a record that this selection {@linkplain #accepts accepts} as one JSON object. */
    void write(JsonGenerator generator, Object record) throws IOException {
        generator.writeStartObject();
        for (SelectedField field : fields) {
            generator.writeFieldName(field.resultKey());
            if (field.accessor() == null) {
                generator.writeString(typeName);
            } else {
                field.value().write(generator, field.accessor().apply(record));
            }
        }
        generator.writeEndObject();
    }

    /**
     * A selected field under its response key, which is encoded once for all records; a null
     * accessor marks {@code __typename}.
     */
    private record SelectedField(SerializableString resultKey, Function<Object, Object> accessor,
            SelectedValue value) {
    }

    /** The scalars of the record-backed types, with the Java type graphql-java serializes unchanged. */
    private enum ScalarKind {
        STRING,
        FLOAT,
        BOOLEAN;

        static ScalarKind of(GraphQLScalarType scalar) {
            return switch (scalar.getName()) {
                case "String" -> STRING;
                case "Float" -> FLOAT;
                case "Boolean" -> BOOLEAN;
                default -> null;
            };
        }

        /**
         * Returns whether graphql-java's coercing serializes the value to itself: a String for
         * String, a finite Double for Float (NaN and infinity are serialization errors), a Boolean
         * for Boolean.
         */
        boolean accepts(Object value) {
            return switch (this) {
                case STRING -> value instanceof String;
                case FLOAT -> value instanceof Double number && Double.isFinite(number);
                case BOOLEAN -> value instanceof Boolean;
            };
        }

        void write(JsonGenerator generator, Object value) throws IOException {
            switch (this) {
                case STRING -> generator.writeString((String) value);
                case FLOAT -> generator.writeNumber(((Double) value).doubleValue());
                case BOOLEAN -> generator.writeBoolean((Boolean) value);
            }
        }
    }

    /**
     * A value of a schema output type: a scalar, a record-backed object or a list of either,
     * each possibly non-null. Exactly one of {@code scalar} and {@code object} is set.
     */
    record SelectedValue(GraphQLType type, ScalarKind scalar, RecordSelection object) {

        /** Compiles the value of a field of this type, or returns null when it cannot be written here. */
        static SelectedValue compile(GraphQLType type, MergedField field, SubFieldCollector collector) {
            GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
            if (named instanceof GraphQLScalarType scalarType) {
                ScalarKind scalar = ScalarKind.of(scalarType);
                return scalar == null ? null : new SelectedValue(type, scalar, null);
            }
            if (named instanceof GraphQLObjectType objectType) {
                RecordSelection object = RecordSelection.compile(objectType, field, collector);
                return object == null ? null : new SelectedValue(type, null, object);
            }
            return null;
        }

        boolean accepts(Object value) {
            return accepts(type, value);
        }

        void write(JsonGenerator generator, Object value) throws IOException {
            write(generator, type, value);
        }

        private boolean accepts(GraphQLType valueType, Object value) {
            if (value == null) {
                return !(valueType instanceof GraphQLNonNull);
            }
            GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(valueType);
            if (nullable instanceof GraphQLList list) {
                if (!(value instanceof List<?> elements)) {
                    return false;
                }
                for (Object element : elements) {
                    if (!accepts(list.getWrappedType(), element)) {
                        return false;
                    }
                }
                return true;
            }
            return object == null ? scalar.accepts(value) : object.accepts(value);
        }

        private void write(JsonGenerator generator, GraphQLType valueType, Object value) throws IOException {
            if (value == null) {
                generator.writeNull();
                return;
            }
            GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(valueType);
            if (nullable instanceof GraphQLList list) {
                generator.writeStartArray();
                for (Object element : (List<?>) value) {
                    write(generator, list.getWrappedType(), element);
                }
                generator.writeEndArray();
            } else if (object == null) {
                scalar.write(generator, value);
            } else {
                object.write(generator, value);
            }
        }
    }
}
