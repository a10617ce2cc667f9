package io.toolrisk.annotations;

import io.toolrisk.catalogue.ToolAnnotations;

import java.util.Optional;

/** The four boolean hints of MCP's tool annotations, by the name they have in a tool definition. */
public enum Hint {
    READ_ONLY("readOnlyHint"),
    DESTRUCTIVE("destructiveHint"),
    IDEMPOTENT("idempotentHint"),
    OPEN_WORLD("openWorldHint");

    private final String key;

    Hint(String key) {
        this.key = key;
    }

    /** The key in a tool's {@code annotations}: {@code readOnlyHint}, and so on. */
    public String key() {
        return key;
    }

    /** What {@code annotations} declares for this hint; empty when it was not sent. */
    public Optional<Boolean> declaredIn(ToolAnnotations annotations) {
        return switch (this) {
            case READ_ONLY -> annotations.readOnlyHint();
            case DESTRUCTIVE -> annotations.destructiveHint();
            case IDEMPOTENT -> annotations.idempotentHint();
            case OPEN_WORLD -> annotations.openWorldHint();
        };
    }
}
