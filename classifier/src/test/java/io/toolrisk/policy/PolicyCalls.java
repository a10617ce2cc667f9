package io.toolrisk.policy;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.RiskProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls of a server's tools, each with whether a gateway format should let it through: a tool that passes with no
 * human ({@link AllowList#admits}) is allowed but for its denied actions; every other tool, and a tool the server
 * does not have, is refused. Calls of names no gateway receives intact (a lone surrogate) are left out.
 */
final class PolicyCalls {
    /** A call of {@code tool} with {@code arguments}, and whether it should pass. */
    record Call(String tool, Map<String, String> arguments, boolean allowed) {
    }

    private PolicyCalls() {
    }

    static List<Call> of(ServerPolicy policy, List<RiskProfile> profiles) {
        List<Call> calls = new ArrayList<>();
        for (ToolPolicy tool : policy.tools()) {
            if (LoneSurrogates.in(tool.tool())) continue;
            boolean admitted = AllowList.admits(tool);
            calls.add(new Call(tool.tool(), Map.of(), admitted));
            for (ActionProfile action : actions(profiles, tool.tool())) {
                if (LoneSurrogates.in(action.param()) || LoneSurrogates.in(action.value())) continue;
                boolean denied = tool.deniedActions().stream()
                        .anyMatch(d -> d.param().equals(action.param()) && d.values().contains(action.value()));
                calls.add(new Call(tool.tool(), Map.of(action.param(), action.value()), admitted && !denied));
            }
        }
        calls.add(new Call(PolicyFixtures.UNLISTED, Map.of(), false));
        return calls;
    }

    private static List<ActionProfile> actions(List<RiskProfile> profiles, String tool) {
        return profiles.stream().filter(p -> p.tool().equals(tool)).findFirst().map(RiskProfile::actions).orElseThrow();
    }
}
