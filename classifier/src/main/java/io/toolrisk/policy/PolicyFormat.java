package io.toolrisk.policy;

import java.util.Locale;

/** The file formats a policy can be written in, each with its template. */
public enum PolicyFormat {
    /** PolicyLayer's gateway JSON. */
    POLICYLAYER("policylayer", new PolicyLayerJson()),
    /** The YAML of PolicyLayer's open-source proxy, Intercept. */
    INTERCEPT("intercept", new InterceptYaml()),
    /** A Claude Code settings fragment ({@code permissions.allow/ask/deny}). */
    CLAUDE_CODE("claude-code", new ClaudeCodePermissions());

    private final String wireName;
    private final PolicyTemplate template;

    PolicyFormat(String wireName, PolicyTemplate template) {
        this.wireName = wireName;
        this.template = template;
    }

    /** The name used on the command line and in URLs. */
    public String wireName() {
        return wireName;
    }

    public PolicyTemplate template() {
        return template;
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static PolicyFormat fromWireName(String name) {
        for (PolicyFormat f : values()) {
            if (f.wireName.equals(name)) return f;
        }
        throw new IllegalArgumentException(
                "unknown policy format '%s' (expected policylayer, intercept or claude-code)".formatted(name));
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
