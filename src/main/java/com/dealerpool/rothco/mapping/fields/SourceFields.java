package com.dealerpool.rothco.mapping.fields;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Source paths that a record of one operation can contain, in pattern form: list positions
 * are written {@code []} ({@code specifications[].name}) and {@code .*} stands for any key
 * of a free-form map ({@code customFields.*}).
 */
public final class SourceFields {

    private static final String ANY_KEY = ".*";

    private final List<String> declared;
    private final Set<String> known;

    private SourceFields(List<String> declared) {
        this.declared = List.copyOf(declared);
        Set<String> all = new LinkedHashSet<>();
        for (String path : declared) {
            addWithParents(path, all);
        }
        this.known = Set.copyOf(all);
    }

    /** Creates the catalog from leaf paths; every parent of a leaf is a valid path as well. */
    public static SourceFields of(String... leafPaths) {
        return new SourceFields(List.of(leafPaths));
    }

    /** Returns the leaf paths as declared, for error messages and documentation. */
    public List<String> declared() {
        return declared;
    }

    /** Returns true when the path pattern (list positions written {@code []}) can occur in a record. */
    public boolean contains(String pattern) {
        if (known.contains(pattern)) {
            return true;
        }
        for (String path : declared) {
            if (path.endsWith(ANY_KEY)) {
                String prefix = path.substring(0, path.length() - 1);
                if (pattern.startsWith(prefix) && pattern.length() > prefix.length()
                        && pattern.indexOf('.', prefix.length()) < 0 && pattern.indexOf('[', prefix.length()) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns the declared paths nearest to an unknown pattern, best first. */
    public List<String> nearest(String pattern, int limit) {
        return Suggestions.nearest(pattern, declared, limit);
    }

    /** Returns the item-relative paths below {@code listPath[]}, such as {@code sku} for {@code items[].sku}. */
    public SourceFields below(String listPath) {
        String prefix = listPath + "[].";
        List<String> relative = declared.stream()
                .filter(path -> path.startsWith(prefix))
                .map(path -> path.substring(prefix.length()))
                .toList();
        return new SourceFields(relative);
    }

    private static void addWithParents(String path, Collection<String> target) {
        if (path.endsWith(ANY_KEY)) {
            path = path.substring(0, path.length() - ANY_KEY.length());
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                target.add(path.substring(0, i));
            }
        }
        target.add(path);
    }
}
