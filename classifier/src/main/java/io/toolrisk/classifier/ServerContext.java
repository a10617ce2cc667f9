package io.toolrisk.classifier;

import io.toolrisk.catalogue.Tool;
import io.toolrisk.classifier.flags.ToolNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known of the server a tool comes from when its whole tool list is at hand (a crawl, a {@code tools/list}
 * file, a refresh): the names of its tools, and the instructions it sends with {@code initialize}. With it, a
 * definition that names a sibling tool ("DEPRECATED: use read_text_file instead") is ordinary guidance rather than
 * tool shadowing, and poisoned instructions are flagged on every tool of the server. {@link #ALONE} judges a tool
 * on its own wording. Immutable and thread-safe.
 */
public final class ServerContext {
    /** No server known: the tool is judged alone. */
    public static final ServerContext ALONE = new ServerContext(Set.of(), Optional.empty());

    private final Set<String> toolNames;
    private final ToolNames.Siblings siblings;
    private final Optional<String> instructions;

    private ServerContext(Set<String> toolNames, Optional<String> instructions) {
        this.toolNames = toolNames;
        this.siblings = toolNames.isEmpty() ? ToolNames.Siblings.NONE : new ToolNames.Siblings(toolNames);
        this.instructions = instructions;
    }

    /**
     * The context of a server with the tools named {@code toolNames} and its {@code initialize} instructions (empty
     * when it sent none).
     */
    public static ServerContext of(Collection<String> toolNames, Optional<String> instructions) {
        if (instructions == null) throw new IllegalArgumentException("instructions must not be null (use Optional.empty())");
        var lower = new TreeSet<String>();
        for (String name : toolNames) lower.add(name.toLowerCase(Locale.ROOT));
        return new ServerContext(Set.copyOf(lower), instructions.filter(s -> !s.isBlank()));
    }

    /**
     * The contexts of a list of tools that is one answer of {@code tools/list} or one crawl: the tools of each
     * {@link Tool#server()} (all of them when they name none) are each other's siblings. Keyed by server.
     */
    public static Map<Optional<String>, ServerContext> byServer(List<Tool> tools) {
        Map<Optional<String>, List<String>> names = new LinkedHashMap<>();
        for (Tool t : tools) names.computeIfAbsent(t.server(), k -> new ArrayList<>()).add(t.name());
        Map<Optional<String>, ServerContext> contexts = new HashMap<>();
        names.forEach((server, list) -> contexts.put(server, of(list, Optional.empty())));
        return contexts;
    }

    /** The names of the server's tools, lower-cased; empty when the tool is judged alone. */
    public Set<String> toolNames() {
        return toolNames;
    }

    /** The server's tools as the detectors of tool poisoning compare names with them. */
    ToolNames.Siblings siblings() {
        return siblings;
    }

    /** The instructions the server sends with {@code initialize}, if any. */
    public Optional<String> instructions() {
        return instructions;
    }
}
