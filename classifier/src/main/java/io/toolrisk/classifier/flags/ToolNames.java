package io.toolrisk.classifier.flags;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a definition may mention without naming another tool: its own name, its parameters, and, when the
 * server's tool list is known, the tools of the same server (its siblings). Compared ignoring case:
 * {@code siblings} must be lower-case already (a server's list is lower-cased once, not once per tool). An empty
 * set of siblings means the tool is judged alone.
 */
public record ToolNames(String self, Set<String> parameters, Set<String> siblings) {
    /** No names: for texts whose detectors never look at names. */
    public static final ToolNames NONE = new ToolNames("", Set.of(), Set.of());

    public ToolNames {
        self = self.toLowerCase(Locale.ROOT);
        var lower = new TreeSet<String>();
        for (String p : parameters) lower.add(p.toLowerCase(Locale.ROOT));
        parameters = Set.copyOf(lower);
        siblings = Set.copyOf(siblings);
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
        if (same(self, n, bare)) return Kind.SELF;
        for (String p : parameters) if (same(p, n, bare)) return Kind.PARAMETER;
        if (siblings.contains(n) || siblings.contains(bare)) return Kind.SIBLING;
        String squeezed = squeeze(bare);
        for (String s : siblings) if (squeeze(s).equals(squeezed)) return Kind.SIBLING;
        return Kind.OTHER;
    }

    private static boolean same(String known, String n, String bare) {
        return known.equals(n) || known.equals(bare) || squeeze(known).equals(squeeze(bare));
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
