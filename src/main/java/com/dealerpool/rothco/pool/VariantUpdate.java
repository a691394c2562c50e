package com.dealerpool.rothco.pool;

import java.util.List;
import java.util.Map;

/**
 * One mapped variant on its way into the pool.
 *
 * @param sku           the variant's SKU, unique per source
 * @param fields        pool fields by {@link VariantField} name; a field that is absent keeps the
 *                      pool's value ("Skip It (Don't Map)"), a field present with a null value is
 *                      cleared ("Skip It (Set to Empty)")
 * @param customFields  custom fields by name; an empty map leaves stored custom fields untouched
 * @param productImages image URLs of the parent product, main image first; empty leaves them untouched
 */
public record VariantUpdate(String sku, Map<String, Object> fields, Map<String, String> customFields,
        List<String> productImages) {
}
