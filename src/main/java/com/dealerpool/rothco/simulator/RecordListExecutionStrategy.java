package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.io.IOException;
import java.util.List;

/**
 * graphql-java's {@link AsyncExecutionStrategy}, except that a list of simulator records, such
 * as {@code productLines} or {@code items}, is completed as one {@link RecordListJson} value
 * instead of field by field. graphql-java still parses, validates, coerces variables and
 * arguments, runs the root data fetchers and reports their errors. Only the completion of
 * records changes, from one map per object to one JSON pass that writes the same JSON.
 * <p>
 * A list is completed the usual way when graphql-java's incremental delivery is on, when a
 * selected field is not backed by {@link RecordFieldAccessors}, or when a record would make
 * graphql-java report an error (a null in a non-null field, a Float that is not finite), so
 * errors and null propagation stay graphql-java's own.
 */
final class RecordListExecutionStrategy extends AsyncExecutionStrategy {

    @Override
    protected FieldValueInfo completeValueForList(ExecutionContext executionContext,
            ExecutionStrategyParameters parameters, Object result) {
        RecordListJson records = asRecordList(executionContext, parameters, result);
        if (records == null) {
            return super.completeValueForList(executionContext, parameters, result);
        }
        return new FieldValueInfo(FieldValueInfo.CompleteValueType.LIST, records, List.of());
    }

    private RecordListJson asRecordList(ExecutionContext executionContext, ExecutionStrategyParameters parameters,
            Object result) {
        if (executionContext.hasIncrementalSupport() || !(result instanceof List<?>)) {
            return null;
        }
        GraphQLType listType = parameters.getExecutionStepInfo().getType();
        if (!(GraphQLTypeUtil.unwrapNonNull(listType) instanceof GraphQLList)
                || !(GraphQLTypeUtil.unwrapAll(listType) instanceof GraphQLObjectType)) {
            return null;
        }
        RecordSelection.SelectedValue value = RecordSelection.SelectedValue.compile(listType, parameters.getField(),
                (objectType, field) -> fieldCollector.collectFields(FieldCollectorParameters.newParameters()
                        .schema(executionContext.getGraphQLSchema())
                        .objectType(objectType)
                        .fragments(executionContext.getFragmentsByName())
                        .variables(executionContext.getCoercedVariables().toMap())
                        .graphQLContext(executionContext.getGraphQLContext())
                        .build(), field, false));
        if (value == null || !value.accepts(result)) {
            return null;
        }
        return new RecordListJson(value, result);
    }

    /** A completed list of records in the execution result; Jackson writes it as a JSON array. */
    static final class RecordListJson implements JsonSerializable {

        private final RecordSelection.SelectedValue value;
        private final Object records;

        RecordListJson(RecordSelection.SelectedValue value, Object records) {
            this.value = value;
            this.records = records;
        }

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider serializers) throws IOException {
            value.write(generator, records);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider serializers,
                TypeSerializer typeSerializer) throws IOException {
            serialize(generator, serializers);
        }
    }
}
