package io.toolrisk.classifier.flags;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a definition may mention without naming another tool: its own name, its parameters, and, when the
 * server's tool list is known, the tools of the same server (its {@link Siblings}, made once per server). Compared
 * ignoring case. No siblings means the tool is judged alone. Not thread-safe (one per classification).
 */
public final class ToolNames {
    /** No names: for texts whose detectors never look at names. */
    public static final ToolNames NONE = new ToolNames("", List.of(), Siblings.NONE);

    /**
     * The tools of a server, lower-cased, and the same with separators taken out ({@code run_rollback} is {@code
     * runrollback}): made once per server, shared by its tools. Immutable.
     */
    public static final class Siblings {
        /** No server known: the tool is judged alone. */
        public static final Siblings NONE = new Siblings(Set.of());

        private final Set<String> names;
        private final Set<String> squeezed;

        /** The siblings named {@code names}, which must be lower-case. */
        public Siblings(Set<String> names) {
            this.names = Set.copyOf(names);
            var squeezed = new HashSet<String>();
            for (String name : names) squeezed.add(squeeze(name));
            this.squeezed = Set.copyOf(squeezed);
        }

        boolean contains(String name, String bare, String squeezedBare) {
            return names.contains(name) || names.contains(bare) || squeezed.contains(squeezedBare);
        }
    }

    private final String self;
    private final String squeezedSelf;
    /** The parameters' names, lower-cased. */
    private final String[] parameters;
    private final Siblings siblings;
    /** The parameters without separators; made when first needed. */
    private Set<String> squeezedParameters;

    public ToolNames(String self, Collection<String> parameters, Siblings siblings) {
        this.self = self.toLowerCase(Locale.ROOT);
        this.squeezedSelf = squeeze(this.self);
        this.parameters = new String[parameters.size()];
        int i = 0;
        for (String p : parameters) this.parameters[i++] = p.toLowerCase(Locale.ROOT);
        this.siblings = siblings;
    }

    /** This tool's name, lower-cased. */
    String self() {
        return self;
    }

    /**
     * True when {@code text[start, end)} is, ignoring case, this tool's name or a parameter's, written as it is
     * (no prefix, no other separators): most identifiers in a description are these. Copies nothing.
     */
    boolean isOwn(String text, int start, int end) {
        int length = end - start;
        if (self.length() == length && text.regionMatches(true, start, self, 0, length)) return true;
        for (String p : parameters) {
            if (p.length() == length && text.regionMatches(true, start, p, 0, length)) return true;
        }
        return false;
    }

    /** What a mentioned name is to this definition. */
    enum Kind { SELF, PARAMETER, SIBLING, OTHER }

    /**
     * The kind of the name {@code name} as mentioned; a server prefix ({@code github.}, {@code mcp__x__}) is
     * ignored, and so are case and separators ({@code runRollbackPipeline} is {@code run_rollback_pipeline}).
     */
    Kind kindOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String bare = withoutServer(n);
        String squeezed = squeeze(bare);
        if (self.equals(n) || self.equals(bare) || squeezedSelf.equals(squeezed)) return Kind.SELF;
        for (String p : parameters) if (p.equals(n) || p.equals(bare)) return Kind.PARAMETER;
        if (squeezedParameters().contains(squeezed)) return Kind.PARAMETER;
        if (siblings.contains(n, bare, squeezed)) return Kind.SIBLING;
        return Kind.OTHER;
    }

    private Set<String> squeezedParameters() {
        if (squeezedParameters == null) {
            var squeezed = new HashSet<String>();
            for (String p : parameters) squeezed.add(squeeze(p));
            squeezedParameters = squeezed;
        }
        return squeezedParameters;
    }

    private static String squeeze(String name) {
        var sb = new StringBuilder(name.length());
        for (int k = 0; k < name.length(); k++) if (Character.isLetterOrDigit(name.charAt(k))) sb.append(name.charAt(k));
        return sb.toString();
    }

    private static String withoutServer(String name) {
        int cut = Math.max(name.lastIndexOf("__"), Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')));
        if (cut < 0) return name;
        return name.substring(name.charAt(cut) == '_' ? cut + 2 : cut + 1);
    }
}
