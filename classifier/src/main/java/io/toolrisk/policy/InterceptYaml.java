package io.toolrisk.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.regex.Pattern;

/**
 * The YAML policy of Intercept, PolicyLayer's open-source MCP proxy: {@code version}, {@code description},
 * {@code default}, {@code hide} and {@code tools: {name: {rules: [{name, action: deny|evaluate, rate_limit,
 * on_deny}]}}}. Denied actions of a multi-action tool become a first rule with
 * {@code conditions: [{path: "args.action", op: "in", value: [...]}]} that denies only those.
 */
public final class InterceptYaml implements PolicyTemplate {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .stringQuotingChecker(new TextOnlyQuoting())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    InterceptYaml() {
    }

    /**
     * Jackson's defaults quote the boolean and null words and plain decimals, but leave {@code 0x10}, {@code 1e3},
     * {@code 1:30}, {@code .inf}, {@code 2001-01-01}, {@code <<} and a NEL or LINE SEPARATOR plain, and a YAML
     * loader reads those back as a number, a date, a merge key or folded whitespace. A tool name or a denied
     * action value (server-chosen text) would then no longer equal the argument the gateway compares it with.
     */
    private static final class TextOnlyQuoting extends StringQuotingChecker.Default {
        /** Starts like a number, a date or a time; {@code .inf}/{@code .nan}; YAML 1.1's value and merge keys. */
        private static final Pattern OTHER_SCALAR = Pattern.compile("[-+]?\\.?[0-9].*|[-+]?\\.(?i:inf|nan)|=|<<",
                Pattern.DOTALL);
        /** A rate limit such as {@code 30/minute} is no number in any YAML. */
        private static final Pattern RATE = Pattern.compile("[0-9]+/[a-z]+");
        /** Line breaks of YAML 1.1 beyond CR and LF, and the byte order mark. */
        private static final Pattern SPECIAL_BREAK = Pattern.compile("[\\u0085\\u2028\\u2029\\uFEFF]");

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || readAsOtherThanText(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || readAsOtherThanText(value);
        }

        private static boolean readAsOtherThanText(String text) {
            return (OTHER_SCALAR.matcher(text).matches() && !RATE.matcher(text).matches())
                    || SPECIAL_BREAK.matcher(text).find();
        }
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
