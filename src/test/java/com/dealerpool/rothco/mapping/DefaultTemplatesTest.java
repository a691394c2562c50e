package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.decimal;
import static com.dealerpool.rothco.mapping.MappingTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealerpool.rothco.Operation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the shipped mapping-sets directory and maps a realistic record with each default template. */
class DefaultTemplatesTest {

    private static final Path SHIPPED = Path.of("mapping-sets");

    private static CamelContext camel;
    private static MappingCatalog catalog;

    @BeforeAll
    static void load() throws MappingValidationException {
        camel = MappingTestSupport.startCamel();
        catalog = MappingCatalog.load(SHIPPED, MappingTestSupport.options(camel));
    }

    @AfterAll
    static void close() {
        catalog.close();
        camel.stop();
    }

    @Test
    void allFiveTemplatesLoad() {
        assertThat(catalog.templateNames()).containsExactlyInAnyOrder("Rothco V2 GIP", "Rothco V2 GIS",
                "Send Purchase Orders", "Rothco - Get PO Ack", "Get Shipments 2");
        assertThat(catalog.template("Rothco V2 GIP").operation()).isEqualTo(Operation.GET_INVENTORY_PRIMARY);
        assertThat(catalog.mappingSet("shipping-methods").lookup("ups ground")).isEqualTo("UPSGND");
    }

    @Test
    void gipMapsCatalogVariant() throws Exception {
        MappedRecord mapped = catalog.template("Rothco V2 GIP").map(variant());
        Map<String, Object> fields = mapped.fields();
        assertThat(fields).containsEntry("sku", "8228")
                .containsEntry("parentSku", "RC-7777")
                .containsEntry("title", "M-65 Field Jacket")
                .containsEntry("manufacturer", "Rothco")
                .containsEntry("mpn", "8228-OD-M")
                .containsEntry("upc", "613902822805")
                .containsEntry("cost", decimal("42.99"))
                .containsEntry("msrp", decimal("79.99"))
                .containsEntry("map", decimal("64.99"))
                .containsEntry("quantity", BigDecimal.valueOf(MappingOptions.DEFAULT_HIGH_STOCK_QUANTITY))
                .containsEntry("weight", decimal("2.6"))
                .containsEntry("image", "https://images.example/rc-7777-1.jpg")
                .containsEntry("primaryCategory", "Outerwear")
                .containsEntry("subCategory", "Jackets")
                .containsEntry("countryOfOrigin", "Pakistan")
                .containsEntry("restricted", "false")
                .containsEntry("optionName1", "Color")
                .containsEntry("optionValue2", "Medium")
                .containsEntry("optionName3", null);
        assertThat(mapped.lookupMisses()).isEmpty();
    }

    @Test
    void gipMapsWholeNumberQuantity() throws Exception {
        Map<String, Object> record = variant();
        record.put("quantity", "7");
        assertThat(catalog.template("Rothco V2 GIP").map(record).number("quantity")).isEqualTo(decimal("7"));
    }

    @Test
    void gisMapsInventoryItem() throws Exception {
        Map<String, Object> item = Map.of("sku", "8228", "dealerPrice", 42.99, "msrp", 79.99, "map", 64.99,
                "quantity", "12");
        MappedRecord mapped = catalog.template("Rothco V2 GIS").map(item);
        assertThat(mapped.fields()).containsEntry("sku", "8228").containsEntry("quantity", decimal("12"))
                .containsEntry("cost", decimal("42.99")).containsEntry("map", decimal("64.99"))
                .containsEntry("msrp", decimal("79.99"));
    }

    @Test
    void purchaseOrderMapsFulfillmentRequest() throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("frNumber", "FR-1001");
        request.put("customerEmail", "buyer@example.com");
        request.put("shippingMethod", " ups ground ");
        request.put("shippingAddress", Map.of("fullName", "Pat Doe", "address1", "1 Main St", "city", "Albany",
                "state", "NY", "postalCode", "12207", "countryCode", "US", "phone", "555-0100"));
        request.put("settings", Map.of("billingEmail", "billing@dealer.example", "holdHours", 2));
        request.put("items", List.of(Map.of("sku", "8228", "quantity", 2, "unitPrice", 42.99),
                Map.of("sku", "8229", "quantity", 1, "unitPrice", 44.99)));
        MappedRecord mapped = catalog.template("Send Purchase Orders").map(request);
        assertThat(mapped.fields()).containsEntry("poNumber", "FR-1001")
                .containsEntry("billingEmail", "billing@dealer.example")
                .containsEntry("shipToName", "Pat Doe")
                .containsEntry("address2", null)
                .containsEntry("zip", "12207")
                .containsEntry("country", "US")
                .containsEntry("hold", decimal("2"))
                .containsEntry("shippingMethod", "UPSGND");
        assertThat(mapped.items()).containsExactly(
                Map.of("sku", "8228", "quantity", decimal("2")),
                Map.of("sku", "8229", "quantity", decimal("1")));
    }

    @Test
    void purchaseOrderReportsUnknownShippingMethod() throws Exception {
        Map<String, Object> request = new HashMap<>();
        request.put("frNumber", "FR-1002");
        request.put("customerEmail", "buyer@example.com");
        request.put("shippingMethod", "Pony Express");
        request.put("shippingAddress", Map.of("fullName", "Pat Doe", "address1", "1 Main St", "city", "Albany",
                "state", "NY", "postalCode", "12207"));
        request.put("settings", Map.of("billingEmail", "billing@dealer.example"));
        request.put("items", List.of(Map.of("sku", "8228", "quantity", 1)));
        MappedRecord mapped = catalog.template("Send Purchase Orders").map(request);
        assertThat(mapped.lookupMisses()).containsExactly("shippingMethod");
        assertThat(mapped.fields()).containsEntry("shippingMethod", null);
    }

    @Test
    void acknowledgmentMapsInvoice() throws Exception {
        Map<String, Object> invoice = Map.of("orderNumber", "SO-55", "orderStatus", "INVOICED", "poNumber", "FR-1001",
                "invoiceNumber", "INV-9", "items", List.of(Map.of("skuCode", "8228", "quantityOrdered", 2)));
        MappedRecord mapped = catalog.template("Rothco - Get PO Ack").map(invoice);
        assertThat(mapped.text("frNumber")).isEqualTo("FR-1001");
        assertThat(mapped.items()).containsExactly(Map.of("sku", "8228", "quantity", decimal("2")));
    }

    @Test
    void shipmentMapsTrackingAndItems() throws Exception {
        Map<String, Object> shipment = Map.of("orderNumber", "SO-55", "poNumber", "FR-1001",
                "shippedAt", "2025-03-14T16:05:00Z", "shippingMethodCode", "UPSGND", "shippingMethodName", "UPS Ground",
                "trackingNumber", "1Z999AA10123456784",
                "items", List.of(Map.of("productLineCode", "RC-7777", "skuCode", "8228", "quantityOrdered", 2,
                        "quantityShipped", 2)));
        MappedRecord mapped = catalog.template("Get Shipments 2").map(shipment);
        assertThat(mapped.fields()).containsEntry("trackingNumber", "1Z999AA10123456784")
                .containsEntry("shippedAt", OffsetDateTime.of(2025, 3, 14, 16, 5, 0, 0, ZoneOffset.UTC))
                .containsEntry("method", "UPS Ground")
                .containsEntry("carrier", "UPSGND")
                .containsEntry("poNumber", "FR-1001");
        assertThat(mapped.items()).containsExactly(Map.of("sku", "8228", "quantity", decimal("2")));
    }

    @Test
    void shipmentItemWithoutSkuIsRejected() {
        Map<String, Object> shipment = Map.of("trackingNumber", "1Z999",
                "items", List.of(Map.of("skuCode", "8228", "quantityShipped", 1), Map.of("quantityShipped", 1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.template("Get Shipments 2").map(shipment))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("field 'items[1].sku'")
                .hasMessageContaining("trackingNumber=1Z999");
    }
}
