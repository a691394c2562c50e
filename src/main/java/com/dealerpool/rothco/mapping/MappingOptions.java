package com.dealerpool.rothco.mapping;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.camel.CamelContext;

/** Settings of a {@link MappingCatalog}; immutable, change them with the {@code with...} methods. */
public final class MappingOptions {

    /** Quantity that Rothco's high-stock marker {@code 99+} becomes unless configured otherwise. */
    public static final int DEFAULT_HIGH_STOCK_QUANTITY = 100;

    /** Directory of templates and mapping sets unless configured otherwise, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("mapping-sets");

    private final int highStockQuantity;
    private final Path directory;
    private final CamelContext camelContext;

    /**
     * @param highStockQuantity quantity that high-stock markers such as {@code 99+} become
     * @param directory         directory of templates and mapping sets
     */
    public MappingOptions(int highStockQuantity, Path directory) {
        this(highStockQuantity, directory, null);
    }

    private MappingOptions(int highStockQuantity, Path directory, CamelContext camelContext) {
        if (highStockQuantity < 0) {
            throw new IllegalArgumentException("Invalid high-stock quantity " + highStockQuantity
                    + "; use a whole number of 0 or more");
        }
        this.highStockQuantity = highStockQuantity;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.camelContext = camelContext;
    }

    public static MappingOptions defaults() {
        return new MappingOptions(DEFAULT_HIGH_STOCK_QUANTITY, DEFAULT_DIRECTORY, null);
    }

    /** Quantity that the {@code number} transform gives for high-stock markers such as {@code 99+}. */
    public int highStockQuantity() {
        return highStockQuantity;
    }

    /** Directory that {@link MappingCatalog#load(MappingOptions)} reads. */
    public Path directory() {
        return directory;
    }

    /**
     * Camel context whose Simple language compiles smart rule conditions; null makes the
     * catalog start and own a context of its own.
     */
    public CamelContext camelContext() {
        return camelContext;
    }

    public MappingOptions withHighStockQuantity(int quantity) {
        return new MappingOptions(quantity, directory, camelContext);
    }

    public MappingOptions withDirectory(Path mappingSetsDirectory) {
        return new MappingOptions(highStockQuantity, mappingSetsDirectory, camelContext);
    }

    public MappingOptions withCamelContext(CamelContext context) {
        return new MappingOptions(highStockQuantity, directory, context);
    }
}
