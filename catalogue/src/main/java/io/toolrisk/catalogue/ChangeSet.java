package io.toolrisk.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What changed from snapshot {@code previous} to snapshot {@code snapshot}; kept beside the snapshot. */
public record ChangeSet(
        String snapshot,
        Optional<String> previous,
        Instant createdAt,
        List<String> serversAdded,
        List<String> serversRemoved,
        List<ToolChange> tools) {

    public ChangeSet {
        Evidence.requireText("snapshot", snapshot);
        previous = previous == null ? Optional.empty() : previous;
        if (createdAt == null) throw new IllegalArgumentException("a change set needs createdAt");
        serversAdded = List.copyOf(serversAdded);
        serversRemoved = List.copyOf(serversRemoved);
        tools = List.copyOf(tools);
    }

    public boolean isEmpty() {
        return serversAdded.isEmpty() && serversRemoved.isEmpty() && tools.isEmpty();
    }

    public long possibleRugPulls() {
        return tools.stream().filter(ToolChange::possibleRugPull).count();
    }
}
