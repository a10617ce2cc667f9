package io.toolrisk.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP {@code annotations} of a tool as the server declared them. A hint that was not sent is empty,
 * never false: the spec gives absent hints defaults ({@code readOnlyHint=false}, {@code destructiveHint=true},
 * {@code idempotentHint=false}, {@code openWorldHint=true}), and the {@code effective…} methods apply them.
 * Keys outside the spec (and hints sent with a non-boolean value) are kept in {@code other}, in order.
 */
public record ToolAnnotations(
        Optional<String> title,
        Optional<Boolean> readOnlyHint,
        Optional<Boolean> destructiveHint,
        Optional<Boolean> idempotentHint,
        Optional<Boolean> openWorldHint,
        Map<String, JsonNode> other) {

    /** A tool that sent no annotations at all. */
    public static final ToolAnnotations NONE = new ToolAnnotations(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    public ToolAnnotations {
        title = title == null ? Optional.empty() : title;
        readOnlyHint = readOnlyHint == null ? Optional.empty() : readOnlyHint;
        destructiveHint = destructiveHint == null ? Optional.empty() : destructiveHint;
        idempotentHint = idempotentHint == null ? Optional.empty() : idempotentHint;
        openWorldHint = openWorldHint == null ? Optional.empty() : openWorldHint;
        other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    /** True when the server declared at least one of the four spec hints. */
    public boolean declaresAnyHint() {
        return readOnlyHint.isPresent() || destructiveHint.isPresent()
                || idempotentHint.isPresent() || openWorldHint.isPresent();
    }

    /** True when nothing at all was declared, not even a title or a non-standard key. */
    public boolean isEmpty() {
        return !declaresAnyHint() && title.isEmpty() && other.isEmpty();
    }

    public boolean effectiveReadOnly() {
        return readOnlyHint.orElse(false);
    }

    /** Per the spec, destructiveHint is meaningful only when the tool is not read-only. */
    public boolean effectiveDestructive() {
        return !effectiveReadOnly() && destructiveHint.orElse(true);
    }

    public boolean effectiveIdempotent() {
        return idempotentHint.orElse(false);
    }

    public boolean effectiveOpenWorld() {
        return openWorldHint.orElse(true);
    }
}
