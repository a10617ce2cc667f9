package io.toolrisk.policy;

/**
 * Which tools a format that lists what passes (the Docker MCP Gateway's tools.yaml, agentgateway's rules, Cedar's
 * permits) may name: those whose calls pass with no human in the loop.
 */
final class AllowList {
    private AllowList() {
    }

    /**
     * True when {@code tool} is allowed or rate-limited, and its name has no {@linkplain LoneSurrogates lone
     * surrogate}: such a name reaches a gateway replaced or rejected, so no allow list can name it exactly; it is left
     * out, which refuses it.
     */
    static boolean admits(ToolPolicy tool) {
        boolean passes = switch (tool.treatment()) {
            case Treatment.Allow a -> true;
            case Treatment.RateLimit r -> true;
            case Treatment.Ask a -> false;
            case Treatment.RequireApproval r -> false;
            case Treatment.Hide h -> false;
        };
        return passes && !LoneSurrogates.in(tool.tool());
    }
}
