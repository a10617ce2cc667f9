package io.toolrisk.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.json.Json;

/**
 * PolicyLayer's gateway JSON: {@code {"version":"1","default":"deny","tools":{...},"hide":[...]}}. Read tools
 * are allowed, write and execute tools rate-limited, destructive tools hidden and financial tools denied
 * pending a human's approval (under the recommended profile). Hidden tools appear only in {@code hide}.
 * Denied actions of a multi-action tool are a {@code deny} list of conditions on the tool.
 */
public final class PolicyLayerJson implements PolicyTemplate {
    PolicyLayerJson() {
    }

    @Override
    public String render(ServerPolicy policy) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", "1");
        root.put("description", policy.provenance());
        ObjectNode generatedBy = root.putObject("generated_by");
        generatedBy.put("tool", "toolrisk");
        generatedBy.put("ruleset", policy.ruleset());
        generatedBy.put("profile", policy.profile().wireName());
        generatedBy.put("server", policy.server());
        root.put("default", "deny");
        ObjectNode tools = root.putObject("tools");
        for (ToolPolicy tool : policy.tools()) {
            if (tool.treatment() instanceof Treatment.Hide) continue;
            ObjectNode entry = tools.putObject(tool.tool());
            entry.put("category", tool.category().wireName());
            switch (tool.treatment()) {
                case Treatment.Allow a -> entry.put("action", "allow");
                case Treatment.RateLimit r -> {
                    entry.put("action", "allow");
                    entry.put("rate_limit", r.wireValue());
                }
                case Treatment.Ask a -> {
                    // No per-call approval in the gateway's allow/deny: denied pending approval, marked per call.
                    entry.put("action", "deny");
                    entry.put("requires_approval", true);
                    entry.put("approval", "per_call");
                    entry.put("reason", a.reason());
                }
                case Treatment.RequireApproval r -> {
                    entry.put("action", "deny");
                    entry.put("requires_approval", true);
                    entry.put("reason", r.reason());
                }
                case Treatment.Hide h -> throw new IllegalStateException("hidden tools are skipped above");
            }
            if (!tool.deniedActions().isEmpty()) {
                ArrayNode deny = entry.putArray("deny");
                for (ToolPolicy.DeniedActions d : tool.deniedActions()) {
                    ObjectNode rule = deny.addObject();
                    ObjectNode when = rule.putObject("when");
                    when.put("path", d.path());
                    when.put("op", "in");
                    ArrayNode values = when.putArray("value");
                    d.values().forEach(values::add);
                    rule.put("reason", d.reason());
                }
            }
        }
        ArrayNode hide = root.putArray("hide");
        policy.hidden().forEach(hide::add);
        return PrettyJson.write(root);
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String fileName(String server) {
        return server + ".policylayer.json";
    }
}
