package com.dealerpool.rothco.mapping;

import java.util.Map;

/**
 * One consistent, validated version of the mapping-sets directory.
 *
 * @param templates compiled templates by name
 * @param sets      mapping sets by name
 */
record CatalogSnapshot(Map<String, CompiledTemplate> templates, Map<String, MappingSet> sets) {

    CatalogSnapshot {
        templates = Map.copyOf(templates);
        sets = Map.copyOf(sets);
    }
}
