package io.toolrisk.catalogue;

import java.util.Optional;

/**
 * How one tool changed between two snapshots. {@code before}/{@code after} are its categories on either side
 * (empty where it did not exist). A change that raises the category, or adds a flag that needs a review (hidden
 * instructions, tool shadowing, invisible characters), to a tool that was already catalogued is a possible rug
 * pull: a server that earned trust, then changed what the tool does.
 */
public record ToolChange(
        String server,
        String tool,
        Kind kind,
        Optional<Category> before,
        Optional<Category> after,
        boolean possibleRugPull,
        String detail) {

    public enum Kind implements WireName {
        ADDED, REMOVED, CHANGED;

        public static Kind fromWireName(String name) {
            return WireName.parse(Kind.class, name, "change kind");
        }
    }

    public ToolChange {
        Evidence.requireText("server", server);
        Evidence.requireText("tool", tool);
        if (kind == null) throw new IllegalArgumentException("change kind must not be null");
        before = before == null ? Optional.empty() : before;
        after = after == null ? Optional.empty() : after;
        detail = detail == null ? "" : detail;
    }
}
