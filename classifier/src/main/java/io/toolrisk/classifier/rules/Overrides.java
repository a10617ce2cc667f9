package io.toolrisk.classifier.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pinned categories, looked up by server and tool; an entry for the exact server wins over one for any server. */
public final class Overrides {
    /** No overrides. */
    public static final Overrides NONE = new Overrides(List.of());

    private final Map<String, ToolOverride> exact = new HashMap<>();
    private final Map<String, ToolOverride> anyServer = new HashMap<>();

    public Overrides(List<ToolOverride> overrides) {
        for (ToolOverride o : overrides) {
            var previous = o.server().isPresent()
                    ? exact.put(key(o.server().get(), o.tool()), o)
                    : anyServer.put(o.tool(), o);
            if (previous != null)
                throw new IllegalArgumentException("two overrides for tool '%s'%s".formatted(o.tool(),
                        o.server().map(s -> " on server '" + s + "'").orElse("")));
        }
    }

    /** The override for this tool, if there is one. */
    public Optional<ToolOverride> find(Optional<String> server, String tool) {
        if (exact.isEmpty() && anyServer.isEmpty()) return Optional.empty();
        if (server.isPresent()) {
            ToolOverride o = exact.get(key(server.get(), tool));
            if (o != null) return Optional.of(o);
        }
        return Optional.ofNullable(anyServer.get(tool));
    }

    public boolean isEmpty() {
        return exact.isEmpty() && anyServer.isEmpty();
    }

    private static String key(String server, String tool) {
        return server + '\u0000' + tool;
    }
}
