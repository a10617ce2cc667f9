package io.toolrisk.catalogue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What changed from snapshot {@code previous} to snapshot {@code snapshot}; kept beside the snapshot. {@code tools}
 * lists the changes inside servers present in both; the tools of a server added or removed are counted, not listed.
 *
 * @param serverToolCounts the number of tools of each server added (as it is now) or removed (as it was)
 */
public record ChangeSet(
        String snapshot,
        Optional<String> previous,
        Instant createdAt,
        List<String> serversAdded,
        List<String> serversRemoved,
        List<ToolChange> tools,
        Map<String, Long> serverToolCounts) {

    public ChangeSet {
        Evidence.requireText("snapshot", snapshot);
        previous = previous == null ? Optional.empty() : previous;
        if (createdAt == null) throw new IllegalArgumentException("a change set needs createdAt");
        serversAdded = List.copyOf(serversAdded);
        serversRemoved = List.copyOf(serversRemoved);
        tools = List.copyOf(tools);
        serverToolCounts = Collections.unmodifiableMap(new TreeMap<>(serverToolCounts));
    }

    /** A change set that counts no tools of the servers added or removed. */
    public ChangeSet(String snapshot, Optional<String> previous, Instant createdAt, List<String> serversAdded,
                     List<String> serversRemoved, List<ToolChange> tools) {
        this(snapshot, previous, createdAt, serversAdded, serversRemoved, tools, Map.of());
    }

    public boolean isEmpty() {
        return serversAdded.isEmpty() && serversRemoved.isEmpty() && tools.isEmpty();
    }

    public long possibleRugPulls() {
        return tools.stream().filter(ToolChange::possibleRugPull).count();
    }

    /** Every tool added, removed or changed: those listed, and those of the servers added or removed. */
    public long toolsTotal() {
        long total = tools.size();
        for (long count : serverToolCounts.values()) total += count;
        return total;
    }
}
