package com.dealerpool.rothco.mapping;

import java.util.Locale;

/** Transforms on text: trim, case changes, replace, prefix, suffix, truncate and default. */
final class TextTransforms {

    private TextTransforms() {
    }

    static ValueTransform trim() {
        return new TextStep("trim", String::trim);
    }

    static ValueTransform upper() {
        return new TextStep("upper", text -> text.toUpperCase(Locale.ROOT));
    }

    static ValueTransform lower() {
        return new TextStep("lower", text -> text.toLowerCase(Locale.ROOT));
    }

    /** First letter upper case, the rest lower case: {@code "M-65 FIELD JACKET"} becomes {@code "M-65 field jacket"}. */
    static ValueTransform sentenceCase() {
        return new TextStep("sentenceCase", TextTransforms::toSentenceCase);
    }

    /** First letter of every word upper case, the rest lower case; words are separated by whitespace. */
    static ValueTransform titleCase() {
        return new TextStep("titleCase", TextTransforms::toTitleCase);
    }

    /** Replaces every occurrence of {@code from}, taken literally, by {@code to}. */
    static ValueTransform replace(String from, String to) {
        return new TextStep("replace: {from: '" + from + "', to: '" + to + "'}", text -> text.replace(from, to));
    }

    static ValueTransform prefix(String prefix) {
        return new TextStep("prefix: '" + prefix + "'", text -> prefix + text);
    }

    static ValueTransform suffix(String suffix) {
        return new TextStep("suffix: '" + suffix + "'", text -> text + suffix);
    }

    /** Keeps the first {@code length} characters, never splitting a surrogate pair. */
    static ValueTransform truncate(int length) {
        return new TextStep("truncate: " + length, text -> truncateText(text, length));
    }

    /** Replaces an empty value (null, empty or blank text) by {@code defaultValue}. */
    static ValueTransform defaultValue(String defaultValue) {
        return new ValueTransform() {
            @Override
            public Object apply(Object value) {
                return Values.isEmpty(value) ? defaultValue : value;
            }

            @Override
            public String description() {
                return "default: '" + defaultValue + "'";
            }
        };
    }

    static String toSentenceCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isLetter(lower.charAt(i))) {
                return lower.substring(0, i) + Character.toUpperCase(lower.charAt(i)) + lower.substring(i + 1);
            }
        }
        return lower;
    }

    static String toTitleCase(String text) {
        StringBuilder result = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                wordStart = true;
                result.append(c);
            } else {
                result.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = false;
            }
        }
        return result.toString();
    }

    private static String truncateText(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** A transform that converts the value to text and applies a text function; null stays null. */
    private record TextStep(String description, java.util.function.UnaryOperator<String> function)
            implements ValueTransform {

        @Override
        public Object apply(Object value) throws InvalidValueException {
            String text = Values.toText(value);
            return text == null ? null : function.apply(text);
        }
    }
}
