package com.dealerpool.rothco.catalog;

import com.dealerpool.rothco.Operation;

/**
 * The two paged Rothco feeds that inventory operations read: the catalog of Get Inventory
 * (Primary) and the stock and price snapshot of Get Inventory (Secondary).
 */
public enum PagedFeed {
    CATALOG("catalog", "productLines", "Catalog page", "catalog-pages"),
    INVENTORY("inventory", "items", "Inventory page", "inventory-pages");

    private final String queryField;
    private final String itemsField;
    private final String pageNoun;
    private final String deadLetterChannel;

    PagedFeed(String queryField, String itemsField, String pageNoun, String deadLetterChannel) {
        this.queryField = queryField;
        this.itemsField = itemsField;
        this.pageNoun = pageNoun;
        this.deadLetterChannel = deadLetterChannel;
    }

    /**
     * Returns the feed an inventory operation reads.
     *
     * @throws IllegalArgumentException for an operation that reads no paged feed
     */
    public static PagedFeed of(Operation operation) {
        return switch (operation) {
            case GET_INVENTORY_PRIMARY -> CATALOG;
            case GET_INVENTORY_SECONDARY -> INVENTORY;
            default -> throw new IllegalArgumentException(operation.displayName() + " reads no paged Rothco feed");
        };
    }

    /** Root field of the GraphQL query, such as {@code inventory}. */
    public String queryField() {
        return queryField;
    }

    /** Field of a page that holds its items, such as {@code items}. */
    public String itemsField() {
        return itemsField;
    }

    /** Names a page in messages, such as "Inventory page 3", or the summary for page 0. */
    public String describe(int page) {
        return page == 0 ? "The " + queryField + " summary" : pageNoun + " " + page;
    }

    /** Channel of the dead letters of this feed's pages. */
    public String deadLetterChannel() {
        return deadLetterChannel;
    }
}
