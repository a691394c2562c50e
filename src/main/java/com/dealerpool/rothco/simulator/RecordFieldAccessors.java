package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.SimulatedVariant.Specification;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Explicit accessors from the schema's catalog types to the simulator records that back them:
 * {@code ProductLine} to {@link SimulatedProductLine}, {@code Variant} and {@code InventoryItem}
 * to {@link SimulatedVariant}, {@code Specification} to {@link Specification}. They serve as
 * graphql-java data fetchers, which spares the reflective property lookup, and as the field
 * sources of {@link RecordListExecutionStrategy}.
 */
final class RecordFieldAccessors {

    /** The record class behind a schema object type and an accessor per schema field. */
    record RecordType(String typeName, Class<?> javaType, Map<String, Function<Object, Object>> fields) {

        /** Returns the record type of another schema type that the same records back with some of these fields. */
        RecordType subset(String otherTypeName, String... fieldNames) {
            Map<String, Function<Object, Object>> subset = new LinkedHashMap<>();
            for (String fieldName : fieldNames) {
                subset.put(fieldName, fields.get(fieldName));
            }
            return new RecordType(otherTypeName, javaType, Map.copyOf(subset));
        }
    }

    static final RecordType PRODUCT_LINE = new Builder<>("ProductLine", SimulatedProductLine.class)
            .field("code", SimulatedProductLine::code)
            .field("name", SimulatedProductLine::name)
            .field("brand", SimulatedProductLine::brand)
            .field("shortDescription", SimulatedProductLine::shortDescription)
            .field("longDescription", SimulatedProductLine::longDescription)
            .field("manufacturer", SimulatedProductLine::manufacturer)
            .field("primaryCategory", SimulatedProductLine::primaryCategory)
            .field("subCategory", SimulatedProductLine::subCategory)
            .field("countryOfOrigin", SimulatedProductLine::countryOfOrigin)
            .field("restricted", SimulatedProductLine::restricted)
            .field("images", SimulatedProductLine::images)
            .field("variants", SimulatedProductLine::variants)
            .build();

    static final RecordType VARIANT = new Builder<>("Variant", SimulatedVariant.class)
            .field("sku", SimulatedVariant::sku)
            .field("mpn", SimulatedVariant::mpn)
            .field("upc", SimulatedVariant::upc)
            .field("dealerPrice", SimulatedVariant::dealerPrice)
            .field("msrp", SimulatedVariant::msrp)
            .field("map", SimulatedVariant::map)
            .field("quantity", SimulatedVariant::quantity)
            .field("weight", SimulatedVariant::weight)
            .field("specifications", SimulatedVariant::specifications)
            .build();

    static final RecordType SPECIFICATION = new Builder<>("Specification", Specification.class)
            .field("name", Specification::name)
            .field("value", Specification::value)
            .build();

    /** The inventory query's rows are the catalog's variant records, with fewer fields. */
    static final RecordType INVENTORY_ITEM = VARIANT.subset("InventoryItem", "sku", "dealerPrice", "msrp", "map",
            "quantity");

    private static final Map<String, RecordType> BY_TYPE_NAME = Map.of(
            PRODUCT_LINE.typeName(), PRODUCT_LINE,
            VARIANT.typeName(), VARIANT,
            SPECIFICATION.typeName(), SPECIFICATION,
            INVENTORY_ITEM.typeName(), INVENTORY_ITEM);

    private RecordFieldAccessors() {
    }

    /** Returns the record type behind a schema object type, or null when records do not back it. */
    static RecordType forTypeName(String typeName) {
        return BY_TYPE_NAME.get(typeName);
    }

    /** Registers every accessor as the data fetcher of its schema field. */
    static void wire(RuntimeWiring.Builder wiring) {
        for (RecordType type : BY_TYPE_NAME.values()) {
            wiring.type(type.typeName(), builder -> {
                type.fields().forEach((field, accessor) -> builder.dataFetcher(field, new AccessorFetcher(accessor)));
                return builder;
            });
        }
    }

    /** A data fetcher that applies an accessor to the source object and needs no fetching environment. */
    private record AccessorFetcher(Function<Object, Object> accessor) implements LightDataFetcher<Object> {

        @Override
        public Object get(GraphQLFieldDefinition fieldDefinition, Object source,
                Supplier<DataFetchingEnvironment> environment) {
            return accessor.apply(source);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            return accessor.apply(environment.getSource());
        }
    }

    private static final class Builder<T> {

        private final String typeName;
        private final Class<T> javaType;
        private final Map<String, Function<Object, Object>> fields = new LinkedHashMap<>();

        Builder(String typeName, Class<T> javaType) {
            this.typeName = typeName;
            this.javaType = javaType;
        }

        Builder<T> field(String name, Function<T, ?> accessor) {
            fields.put(name, source -> accessor.apply(javaType.cast(source)));
            return this;
        }

        RecordType build() {
            return new RecordType(typeName, javaType, Map.copyOf(fields));
        }
    }
}
