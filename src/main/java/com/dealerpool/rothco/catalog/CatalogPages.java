package com.dealerpool.rothco.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.rothco.RothcoResponseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses Rothco's catalog responses: the steps right after the HTTP calls of Get Inventory (Primary).
 * It turns a page into one source record per variant, the shape mapping templates read:
 * the variant's own fields plus a {@code productLine} map with the parent's fields.
 */
public final class CatalogPages {

    /** Exchange property with the page number being fetched, starting at 1. */
    public static final String PAGE_PROPERTY = "rothcoPage";

    /** Exchange property with the time the page arrived, the observation time of its stock and prices. */
    public static final String OBSERVED_AT_PROPERTY = "rothcoPageObservedAt";

    /** Exchange property with the number of product lines on the page. */
    public static final String PRODUCTS_PROPERTY = "rothcoPageProducts";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogPages.class);

    private final ObjectMapper mapper;

    public CatalogPages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Parses a page into variant records.
     *
     * @throws RothcoResponseException when the body is not valid JSON, carries GraphQL errors or
     *                                 lacks the catalog; the page then counts as failed
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records(InputStream body, Exchange exchange) {
        exchange.setProperty(OBSERVED_AT_PROPERTY, Instant.now());
        int page = exchange.getProperty(PAGE_PROPERTY, 0, Integer.class);
        Map<String, Object> response = parse(body, describe(page));
        Map<String, Object> catalog = child(child(response, "data", page), "catalog", page);

        Object lines = catalog.get("productLines");
        if (!(lines instanceof List<?> productLines)) {
            throw new RothcoResponseException("Catalog page " + page + " has no productLines list", "INVALID_PAGE");
        }
        exchange.setProperty(PRODUCTS_PROPERTY, productLines.size());
        List<Map<String, Object>> records = new ArrayList<>(productLines.size() * 6);
        for (Object line : productLines) {
            Map<String, Object> productLine = new LinkedHashMap<>((Map<String, Object>) line);
            Object variants = productLine.remove("variants");
            if (variants instanceof List<?> variantList) {
                for (Object variant : variantList) {
                    Map<String, Object> record = new LinkedHashMap<>((Map<String, Object>) variant);
                    record.put("productLine", productLine);
                    records.add(record);
                }
            }
        }
        return records;
    }

    /**
     * Reads the catalog summary, records the page count on the run and returns the page
     * numbers to fetch.
     *
     * @throws RothcoResponseException when the summary is not valid JSON or carries errors
     */
    @SuppressWarnings("unchecked")
    public List<Integer> pageNumbers(InputStream body, Exchange exchange) {
        Map<String, Object> response = parse(body, "The catalog summary");
        Map<String, Object> pageInfo = child(child(child(response, "data", 0), "catalog", 0), "pageInfo", 0);
        int totalPages = totalPages(pageInfo, 0);
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        run.totalPages(totalPages);
        LOG.info("Run {} of {} {}: the catalog has {} pages of {} product lines ({} product lines)", run.runId(),
                run.sourceId(), run.operation().slug(), totalPages, pageInfo.get("pageSize"), pageInfo.get("totalItems"));
        return IntStream.rangeClosed(1, totalPages).boxed().toList();
    }

    private Map<String, Object> parse(InputStream body, String what) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> response = mapper.readValue(body, Map.class);
            RothcoGraphqlErrors.throwIfPresent(response, what);
            return response;
        } catch (JsonProcessingException e) {
            throw new RothcoResponseException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RothcoResponseException(what + " could not be read: " + e.getMessage(), e);
        }
    }

    private static int totalPages(Map<String, Object> pageInfo, int page) {
        if (!(pageInfo.get("totalPages") instanceof Number number)) {
            throw new RothcoResponseException(describe(page) + " has no numeric pageInfo.totalPages", "INVALID_PAGE");
        }
        return number.intValue();
    }

    private static String describe(int page) {
        return page == 0 ? "The catalog summary" : "Catalog page " + page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name, int page) {
        Object value = parent == null ? null : parent.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw new RothcoResponseException(describe(page) + " has no '" + name + "' object", "INVALID_PAGE");
        }
        return (Map<String, Object>) map;
    }
}
