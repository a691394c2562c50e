package com.dealerpool.rothco.pool;

/** Shortens text to a column's maximum length. */
final class TextLimits {

    private TextLimits() {
    }

    /**
     * Returns the text cut to at most {@code maxLength} characters, never splitting a surrogate
     * pair; null stays null.
     */
    static String truncate(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = maxLength;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
