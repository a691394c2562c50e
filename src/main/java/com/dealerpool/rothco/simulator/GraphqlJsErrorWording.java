package com.dealerpool.rothco.simulator;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords graphql-java 26 validation and variable coercion errors about missing or null
 * required input the way Rothco words them, which is graphql-js's wording, such as
 * {@code Field "email" of required type "String!" was not provided.}
 * <p>
 * The graphql-java texts it recognizes (from its {@code i18n/Validation.properties} and
 * {@code NonNullableValueCoercedAsNullException}):
 * <ul>
 *   <li>{@code argument 'input.lines[0]' with value '...' is missing required fields '[sku]'}
 *       becomes one error per field: {@code Field "sku" of required type "String!" was not provided.}</li>
 *   <li>{@code argument 'input.email' with value 'NullValue{}' must not be null} becomes
 *       {@code Expected value of type "String!", found null.}</li>
 *   <li>{@code Missing field argument 'page'} becomes
 *       {@code Field "catalog" argument "page" of type "Int!" is required, but it was not provided.}</li>
 *   <li>{@code Variable 'input' has an invalid value: Field 'email' has coerced Null value for NonNull type
 *       'String!'} becomes {@code Field "email" of required type "String!" was not provided.}, or
 *       {@code Expected non-nullable type "String!" not to be null.} when the variable contains an
 *       explicit null for that field;</li>
 *   <li>{@code Variable 'page' has an invalid value: Variable 'page' has coerced Null value for NonNull type
 *       'Int!'} becomes {@code Variable "$page" of required type "Int!" was not provided.}, or
 *       {@code Variable "$page" of non-null type "Int!" must not be null.} for an explicit null.</li>
 * </ul>
 * Every other error, and one whose types cannot be found in the schema, passes unchanged.
 */
final class GraphqlJsErrorWording {

    private static final Pattern MISSING_INPUT_FIELDS = Pattern.compile(
            "argument '([^']+)' with value '.*' is missing required fields '\\[(.*)\\]'$", Pattern.DOTALL);
    private static final Pattern NULL_INPUT_VALUE = Pattern.compile(
            "argument '([^']+)' with value 'NullValue\\{\\}' must not be null$");
    private static final Pattern MISSING_ARGUMENT = Pattern.compile("Missing field argument '([^']+)'$");
    private static final Pattern NULL_VARIABLE_FIELD = Pattern.compile(
            "^Variable '([^']+)' has an invalid value: Field '([^']+)' has coerced Null value for NonNull type '([^']+)'$");
    private static final Pattern NULL_VARIABLE = Pattern.compile(
            "^Variable '([^']+)' has an invalid value: Variable '[^']+' has coerced Null value for NonNull type '([^']+)'$");
    /** One step of an argument path such as {@code input.lines[0]}: a name and any list indexes. */
    private static final Pattern PATH_STEP = Pattern.compile("([_A-Za-z][_0-9A-Za-z]*)((?:\\[\\d+])*)");

    private final GraphQLSchema schema;

    GraphqlJsErrorWording(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** Returns the error in Rothco's wording, possibly split into one error per missing field. */
    List<GraphQLError> reword(GraphQLError error, Map<String, Object> variables) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (error instanceof ValidationError validationError) {
            return rewordValidation(validationError, message).orElse(List.of(error));
        }
        Matcher variableField = NULL_VARIABLE_FIELD.matcher(message);
        if (variableField.matches()) {
            Object value = variables == null ? null : variables.get(variableField.group(1));
            String text = containsExplicitNull(value, variableField.group(2))
                    ? "Expected non-nullable type \"" + variableField.group(3) + "\" not to be null."
                    : fieldNotProvided(variableField.group(2), variableField.group(3));
            return List.of(withMessage(error, text));
        }
        Matcher variable = NULL_VARIABLE.matcher(message);
        if (variable.matches()) {
            String name = variable.group(1);
            String text = variables != null && variables.containsKey(name)
                    ? "Variable \"$" + name + "\" of non-null type \"" + variable.group(2) + "\" must not be null."
                    : "Variable \"$" + name + "\" of required type \"" + variable.group(2) + "\" was not provided.";
            return List.of(withMessage(error, text));
        }
        return List.of(error);
    }

    private Optional<List<GraphQLError>> rewordValidation(ValidationError error, String message) {
        if (error.getValidationErrorType() == ValidationErrorType.MissingFieldArgument) {
            Matcher missing = MISSING_ARGUMENT.matcher(message);
            if (!missing.find()) {
                return Optional.empty();
            }
            return fieldAt(error.getQueryPath())
                    .flatMap(field -> Optional.ofNullable(field.getArgument(missing.group(1)))
                            .map(argument -> List.of(withMessage(error, "Field \"" + field.getName() + "\" argument \""
                                    + argument.getName() + "\" of type \"" + typeName(argument.getType())
                                    + "\" is required, but it was not provided."))));
        }
        if (error.getValidationErrorType() != ValidationErrorType.WrongType) {
            return Optional.empty();
        }
        Matcher missingFields = MISSING_INPUT_FIELDS.matcher(message);
        if (missingFields.find()) {
            return inputTypeAt(error.getQueryPath(), missingFields.group(1))
                    .map(GraphQLTypeUtil::unwrapAll)
                    .filter(GraphQLInputObjectType.class::isInstance)
                    .map(GraphQLInputObjectType.class::cast)
                    .flatMap(type -> missingFieldErrors(error, type, missingFields.group(2)));
        }
        Matcher nullValue = NULL_INPUT_VALUE.matcher(message);
        if (nullValue.find()) {
            return inputTypeAt(error.getQueryPath(), nullValue.group(1))
                    .map(type -> List.of(withMessage(error,
                            "Expected value of type \"" + typeName(type) + "\", found null.")));
        }
        return Optional.empty();
    }

    private Optional<List<GraphQLError>> missingFieldErrors(GraphQLError error, GraphQLInputObjectType type,
            String fieldList) {
        List<GraphQLError> errors = new ArrayList<>();
        for (String name : fieldList.split(",")) {
            GraphQLInputObjectField field = type.getField(name.trim());
            if (field == null) {
                return Optional.empty();
            }
            errors.add(withMessage(error, fieldNotProvided(field.getName(), typeName(field.getType()))));
        }
        return Optional.of(errors);
    }

    /** Finds the field definition at a validation query path such as {@code [placeOrder]}. */
    private Optional<GraphQLFieldDefinition> fieldAt(List<String> queryPath) {
        if (queryPath == null || queryPath.isEmpty()) {
            return Optional.empty();
        }
        for (GraphQLObjectType root : rootTypes()) {
            GraphQLFieldsContainer container = root;
            GraphQLFieldDefinition field = null;
            for (String step : queryPath) {
                field = container == null ? null : container.getFieldDefinition(step);
                if (field == null) {
                    break;
                }
                GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(field.getType());
                container = unwrapped instanceof GraphQLFieldsContainer fields ? fields : null;
            }
            if (field != null) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Resolves the input type at an argument path such as {@code input.lines[0]} below a field. */
    private Optional<GraphQLInputType> inputTypeAt(List<String> queryPath, String argumentPath) {
        Optional<GraphQLFieldDefinition> field = fieldAt(queryPath);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        List<String> steps = Arrays.asList(argumentPath.split("\\."));
        GraphQLInputType current = null;
        for (int i = 0; i < steps.size(); i++) {
            Matcher step = PATH_STEP.matcher(steps.get(i));
            if (!step.matches()) {
                return Optional.empty();
            }
            if (i == 0) {
                GraphQLArgument argument = field.get().getArgument(step.group(1));
                if (argument == null) {
                    return Optional.empty();
                }
                current = argument.getType();
            } else {
                if (!(GraphQLTypeUtil.unwrapAll(current) instanceof GraphQLInputObjectType object)
                        || object.getField(step.group(1)) == null) {
                    return Optional.empty();
                }
                current = object.getField(step.group(1)).getType();
            }
            int listDepth = step.group(2).isEmpty() ? 0 : step.group(2).split("]").length;
            for (int depth = 0; depth < listDepth; depth++) {
                GraphQLType list = GraphQLTypeUtil.unwrapNonNull(current);
                if (!(list instanceof GraphQLList graphqlList)) {
                    return Optional.empty();
                }
                current = (GraphQLInputType) graphqlList.getWrappedType();
            }
        }
        return Optional.ofNullable(current);
    }

    private List<GraphQLObjectType> rootTypes() {
        List<GraphQLObjectType> roots = new ArrayList<>();
        roots.add(schema.getQueryType());
        if (schema.getMutationType() != null) {
            roots.add(schema.getMutationType());
        }
        if (schema.getSubscriptionType() != null) {
            roots.add(schema.getSubscriptionType());
        }
        return roots;
    }

    /** Returns true when some object inside a variable value maps this field name to null. */
    private static boolean containsExplicitNull(Object value, String fieldName) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(fieldName) && map.get(fieldName) == null) {
                return true;
            }
            return map.values().stream().anyMatch(nested -> containsExplicitNull(nested, fieldName));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().anyMatch(nested -> containsExplicitNull(nested, fieldName));
        }
        return false;
    }

    private static String fieldNotProvided(String fieldName, String typeName) {
        return "Field \"" + fieldName + "\" of required type \"" + typeName + "\" was not provided.";
    }

    private static String typeName(GraphQLType type) {
        return GraphQLTypeUtil.simplePrint(type);
    }

    private static GraphQLError withMessage(GraphQLError error, String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(error.getExtensions())
                .build();
    }
}
