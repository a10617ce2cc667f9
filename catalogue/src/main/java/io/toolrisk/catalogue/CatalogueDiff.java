package io.toolrisk.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Works out what changed between two snapshots, one server at a time, so that neither snapshot has to be in
 * memory whole. A server that appears or disappears is one change (its tools are not listed one by one); inside
 * a server present in both, tools are added, removed or changed. A tool whose definition changed and whose
 * category rose, or which gained a hidden-instructions, tool-shadowing or invisible-characters flag, is a possible
 * rug pull. A category that changed with the definition unchanged (a new ruleset) is reported too, but is never a
 * rug pull: the server did nothing.
 * Not thread-safe.
 */
public final class CatalogueDiff {
    private final String snapshot;
    private final Optional<String> previous;
    private final Instant createdAt;
    private final List<String> serversAdded = new ArrayList<>();
    private final List<String> serversRemoved = new ArrayList<>();
    private final List<ToolChange> tools = new ArrayList<>();

    public CatalogueDiff(String snapshot, Optional<String> previous, Instant createdAt) {
        this.snapshot = snapshot;
        this.previous = previous;
        this.createdAt = createdAt;
    }

    /** Compares one server across the two snapshots; at least one side must be present, with the same id. */
    public void compare(Optional<ServerRecord> before, Optional<ServerRecord> after) {
        if (before.isEmpty() && after.isEmpty()) throw new IllegalArgumentException("nothing to compare");
        if (before.isPresent() && after.isPresent() && !before.get().id().equals(after.get().id()))
            throw new IllegalArgumentException("cannot compare server '%s' with server '%s'"
                    .formatted(before.get().id(), after.get().id()));
        if (before.isEmpty()) {
            serversAdded.add(after.get().id());
        } else if (after.isEmpty()) {
            removed(before.get().id());
        } else {
            compareTools(before.get(), after.get());
        }
    }

    /** Server {@code id} is in the previous snapshot and not in the new one. */
    public void removed(String id) {
        serversRemoved.add(id);
    }

    private void compareTools(ServerRecord before, ServerRecord after) {
        Map<String, CataloguedTool> old = new LinkedHashMap<>();
        for (CataloguedTool tool : before.tools()) old.put(tool.tool().name(), tool);
        for (CataloguedTool now : after.tools()) {
            CataloguedTool was = old.remove(now.tool().name());
            if (was == null) {
                tools.add(new ToolChange(after.id(), now.tool().name(), ToolChange.Kind.ADDED, Optional.empty(),
                        Optional.of(now.profile().category()), false, "new tool"));
            } else {
                changed(after.id(), was, now).ifPresent(tools::add);
            }
        }
        for (CataloguedTool gone : old.values()) {
            tools.add(new ToolChange(after.id(), gone.tool().name(), ToolChange.Kind.REMOVED,
                    Optional.of(gone.profile().category()), Optional.empty(), false, "tool no longer listed"));
        }
    }

    private static Optional<ToolChange> changed(String server, CataloguedTool was, CataloguedTool now) {
        boolean definitionChanged = !was.definitionHash().equals(now.definitionHash());
        Category before = was.profile().category();
        Category after = now.profile().category();
        if (!definitionChanged && before == after) return Optional.empty();

        StringJoiner detail = new StringJoiner("; ");
        if (definitionChanged) detail.add(changedParts(was.tool(), now.tool()) + " changed");
        else detail.add("definition unchanged, classified anew (ruleset " + now.profile().ruleset() + ")");
        if (before != after) detail.add("category " + before.wireName() + " -> " + after.wireName());
        // A flag that makes the definition need a review (hidden instructions, tool shadowing, invisible characters)
        // appearing in a changed definition is the attack a rug pull hides.
        boolean hiddenAdded = false;
        for (FlagKind kind : FlagKind.values()) {
            if (kind.needsReview() && !was.profile().hasFlag(kind) && now.profile().hasFlag(kind)) {
                detail.add(kind.wireName() + " flag added");
                hiddenAdded = true;
            }
        }
        boolean rugPull = definitionChanged && (after.compareTo(before) > 0 || hiddenAdded);
        return Optional.of(new ToolChange(server, now.tool().name(), ToolChange.Kind.CHANGED,
                Optional.of(before), Optional.of(after), rugPull, detail.toString()));
    }

    private static String changedParts(Tool was, Tool now) {
        StringJoiner parts = new StringJoiner(", ");
        if (!was.description().equals(now.description())) parts.add("description");
        if (!was.inputSchema().equals(now.inputSchema())) parts.add("inputSchema");
        if (!was.annotations().equals(now.annotations())) parts.add("annotations");
        return parts.length() == 0 ? "definition" : parts.toString();
    }

    public ChangeSet result() {
        return new ChangeSet(snapshot, previous, createdAt, serversAdded, serversRemoved, tools);
    }
}
