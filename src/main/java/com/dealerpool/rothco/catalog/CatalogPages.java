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
 * Parses Rothco's catalog and inventory responses: the steps right after the HTTP calls of Get
 * Inventory (Primary) and (Secondary). It turns a page into one source record per variant, the
 * shape mapping templates read. A catalog record contains the variant's own fields plus a
 * {@code productLine} map with the parent's fields; an inventory record is the snapshot row.
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
        List<?> productLines = pageItems(body, exchange, PagedFeed.CATALOG);
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
     * Parses an inventory snapshot page into one record per variant row.
     *
     * @throws RothcoResponseException when the body is not valid JSON, carries GraphQL errors or
     *                                 lacks the items list; the page then counts as failed
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> inventoryRecords(InputStream body, Exchange exchange) {
        List<?> items = pageItems(body, exchange, PagedFeed.INVENTORY);
        List<Map<String, Object>> records = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> row)) {
                throw new RothcoResponseException(PagedFeed.INVENTORY.describe(exchange.getProperty(PAGE_PROPERTY, 0,
                        Integer.class)) + " has an item that is not an object: " + item, "INVALID_PAGE");
            }
            records.add((Map<String, Object>) row);
        }
        return records;
    }

    /**
     * Reads the summary of the run's feed (the catalog for Primary, the inventory snapshot for
     * Secondary), records the page count on the run and returns the page numbers to fetch.
     *
     * @throws RothcoResponseException when the summary is not valid JSON or carries errors
     */
    public List<Integer> pageNumbers(InputStream body, Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        PagedFeed feed = PagedFeed.of(run.operation());
        Map<String, Object> response = parse(body, feed.describe(0));
        Map<String, Object> pageInfo = child(child(child(response, "data", feed, 0), feed.queryField(), feed, 0),
                "pageInfo", feed, 0);
        int totalPages = totalPages(pageInfo, feed);
        run.totalPages(totalPages);
        LOG.info("Run {} of {} {}: the {} has {} pages of {} items ({} items)", run.runId(), run.sourceId(),
                run.operation().slug(), feed.queryField(), totalPages, pageInfo.get("pageSize"),
                pageInfo.get("totalItems"));
        return IntStream.rangeClosed(1, totalPages).boxed().toList();
    }

    /** Stamps the observation time, parses the page and returns its items list. */
    private List<?> pageItems(InputStream body, Exchange exchange, PagedFeed feed) {
        exchange.setProperty(OBSERVED_AT_PROPERTY, Instant.now());
        int page = exchange.getProperty(PAGE_PROPERTY, 0, Integer.class);
        Map<String, Object> response = parse(body, feed.describe(page));
        Map<String, Object> data = child(child(response, "data", feed, page), feed.queryField(), feed, page);
        Object items = data.get(feed.itemsField());
        if (!(items instanceof List<?> list)) {
            throw new RothcoResponseException(feed.describe(page) + " has no " + feed.itemsField() + " list",
                    "INVALID_PAGE");
        }
        return list;
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

    private static int totalPages(Map<String, Object> pageInfo, PagedFeed feed) {
        if (!(pageInfo.get("totalPages") instanceof Number number)) {
            throw new RothcoResponseException(feed.describe(0) + " has no numeric pageInfo.totalPages",
                    "INVALID_PAGE");
        }
        return number.intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name, PagedFeed feed, int page) {
        Object value = parent == null ? null : parent.get(name);
        if (!(value instanceof Map<?, ?> map)) {
            throw new RothcoResponseException(feed.describe(page) + " has no '" + name + "' object", "INVALID_PAGE");
        }
        return (Map<String, Object>) map;
    }
}
