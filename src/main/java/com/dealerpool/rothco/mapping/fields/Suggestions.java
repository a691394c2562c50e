package com.dealerpool.rothco.mapping.fields;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the known names closest to a misspelled one, for "did you mean" hints in messages. */
public final class Suggestions {

    private Suggestions() {
    }

    /** Returns up to {@code limit} candidates ordered by edit distance to {@code name}, ignoring case. */
    public static List<String> nearest(String name, List<String> candidates, int limit) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .sorted(Comparator.comparingInt((String candidate) -> distance(lowerName, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .toList();
    }

    /** Levenshtein distance between two strings. */
    public static int distance(String left, String right) {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
