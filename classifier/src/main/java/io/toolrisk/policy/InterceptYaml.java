package io.toolrisk.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML policy of Intercept, PolicyLayer's open-source MCP proxy: {@code version}, {@code description},
 * {@code default}, {@code hide} and {@code tools: {name: {rules: [{name, action: deny|evaluate, rate_limit,
 * on_deny}]}}}. Denied actions of a multi-action tool become a first rule with
 * {@code conditions: [{path: "args.action", op: "in", value: [...]}]} that denies only those.
 */
public final class InterceptYaml implements PolicyTemplate {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    InterceptYaml() {
    }

    @Override
    public String render(ServerPolicy policy) {
        ObjectNode root = YAML.createObjectNode();
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
                case Treatment.RequireApproval r -> {
                    rule.put("name", "deny-" + category);
                    rule.put("action", "deny");
                    rule.put("on_deny", r.reason());
                }
                case Treatment.Hide h -> throw new IllegalStateException("hidden tools are skipped above");
            }
        }
        try {
            return "# " + policy.provenance().replaceAll("[\\r\\n]", " ") + "\n" + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: writing a YAML tree to a string", e);
        }
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
