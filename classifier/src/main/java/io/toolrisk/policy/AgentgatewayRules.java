package io.toolrisk.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * agentgateway's {@code mcpAuthorization}: {@code rules}, a list of CEL expressions over {@code mcp.tool.name} and
 * {@code mcp.tool.arguments}, to paste under the {@code policies} of the route or MCP backend that serves the server.
 * A call passes when a rule holds; a tool no rule names is refused and left out of {@code tools/list}. There is one
 * rule per tool that passes with no human in the loop (allowed or rate-limited: agentgateway's rate limits are not
 * per tool); a multi-action tool's rule holds unless the call's argument is one of the denied values.
 */
public final class AgentgatewayRules implements PolicyTemplate {
    /** A name CEL reads as a field after {@code .}; others are map keys in brackets. */
    private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    /** CEL's reserved words, which cannot be a field name after {@code .}. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const", "continue",
            "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while");
    private static final String ARGUMENTS = "mcp.tool.arguments";

    AgentgatewayRules() {
    }

    @Override
    public String render(ServerPolicy policy) {
        ObjectNode root = PolicyYaml.object();
        ArrayNode rules = root.putObject("mcpAuthorization").putArray("rules");
        for (ToolPolicy tool : policy.tools()) {
            if (AllowList.admits(tool)) rules.add(rule(tool));
        }
        return PolicyYaml.write(root, policy.provenance(),
                "agentgateway: under the policies of the route or MCP backend serving '%s'; a tool no rule allows is refused."
                        .formatted(policy.server()));
    }

    /**
     * {@code mcp.tool.name == 't'}, and for each denied parameter {@code && !(has(mcp.tool.arguments) &&
     * has(mcp.tool.arguments.action) && mcp.tool.arguments.action in ['delete'])}: a listing, which has no
     * arguments, shows the tool; a call with a denied value is refused.
     */
    private static String rule(ToolPolicy tool) {
        var rule = new StringBuilder("mcp.tool.name == ").append(string(tool.tool()));
        for (ToolPolicy.DeniedActions d : tool.deniedActions()) {
            String values = String.join(", ", d.values().stream().map(AgentgatewayRules::string).toList());
            rule.append(" && !(has(").append(ARGUMENTS).append(") && ").append(present(d.param()))
                    .append(" && ").append(argument(d.param())).append(" in [").append(values).append("])");
        }
        return rule.toString();
    }

    private static String present(String param) {
        return isField(param) ? "has(" + ARGUMENTS + "." + param + ")" : string(param) + " in " + ARGUMENTS;
    }

    private static String argument(String param) {
        return isField(param) ? ARGUMENTS + "." + param : ARGUMENTS + "[" + string(param) + "]";
    }

    private static boolean isField(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** {@code text} as a CEL string literal ({@link StringLiteral}), escaping as &#92;u2028 or &#92;U0001f600. */
    static String string(String text) {
        return StringLiteral.of(text, '\'', c -> c > 0xffff ? "\\U%08x".formatted(c) : "\\u%04x".formatted(c));
    }

    @Override
    public String contentType() {
        return "application/yaml";
    }

    @Override
    public String fileName(String server) {
        return server + ".agentgateway.yaml";
    }
}
