package io.toolrisk.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The YAML policy of Intercept, PolicyLayer's open-source MCP proxy: {@code version}, {@code description},
 * {@code default}, {@code hide} and {@code tools: {name: {rules: [{name, action: deny|evaluate, rate_limit,
 * on_deny}]}}}. Denied actions of a multi-action tool become a first rule with
 * {@code conditions: [{path: "args.action", op: "in", value: [...]}]} that denies only those.
 */
public final class InterceptYaml implements PolicyTemplate {
    InterceptYaml() {
    }

    @Override
    public String render(ServerPolicy policy) {
        ObjectNode root = PolicyYaml.object();
        root.put("version", "1");
        root.put("description", policy.provenance());
        root.put("default", "deny");
        ArrayNode hide = root.putArray("hide");
        policy.hidden().forEach(hide::add);
        ObjectNode tools = root.putObject("tools");
        for (ToolPolicy tool : policy.tools()) {
            if (tool.treatment() instanceof Treatment.Hide) continue;
            ArrayNode rules = tools.putObject(tool.tool()).putArray("rules");
            for (ToolPolicy.DeniedActions d : tool.deniedActions()) {
                ObjectNode rule = rules.addObject();
                rule.put("name", "deny-" + d.category().wireName() + "-" + d.param() + "s");
                rule.put("action", "deny");
                ObjectNode condition = rule.putArray("conditions").addObject();
                condition.put("path", d.path());
                condition.put("op", "in");
                ArrayNode values = condition.putArray("value");
                d.values().forEach(values::add);
                rule.put("on_deny", d.reason());
            }
            ObjectNode rule = rules.addObject();
            String category = tool.treatedAs().wireName();
            switch (tool.treatment()) {
                case Treatment.Allow a -> {
                    rule.put("name", "allow-" + category);
                    rule.put("action", "evaluate");
                }
                case Treatment.RateLimit r -> {
                    rule.put("name", "rate-limit-" + category);
                    rule.put("action", "evaluate");
                    rule.put("rate_limit", r.wireValue());
                    rule.put("on_deny", "rate limit of %s for %s tools reached".formatted(r.wireValue(), category));
                }
                case Treatment.Ask a -> {
                    // Intercept evaluates or denies; a call a human must confirm is denied with the reason.
                    rule.put("name", "ask-" + category);
                    rule.put("action", "deny");
                    rule.put("on_deny", a.reason());
                }
                case Treatment.RequireApproval r -> {
                    rule.put("name", "deny-" + category);
                    rule.put("action", "deny");
                    rule.put("on_deny", r.reason());
                }
                case Treatment.Hide h -> throw new IllegalStateException("hidden tools are skipped above");
            }
        }
        return PolicyYaml.write(root, policy.provenance());
    }

    @Override
    public String contentType() {
        return "application/yaml";
    }

    @Override
    public String fileName(String server) {
        return server + ".intercept.yaml";
    }
}
