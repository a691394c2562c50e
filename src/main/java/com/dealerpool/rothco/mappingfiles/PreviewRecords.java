package com.dealerpool.rothco.mappingfiles;

import java.util.List;
import java.util.Map;

/** The last step of the preview routes: keeps the first records of a page. */
public final class PreviewRecords {

    /** Returns at most {@code count} records from the start of the list. */
    public List<Map<String, Object>> first(List<Map<String, Object>> records, int count) {
        return List.copyOf(records.subList(0, Math.min(count, records.size())));
    }
}
