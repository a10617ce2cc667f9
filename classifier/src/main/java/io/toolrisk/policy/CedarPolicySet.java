package io.toolrisk.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Cedar policy set, for gateways and authorizers that take Cedar. A call is the request
 * {@code principal: Client::"<caller>", action: Action::"call_tool", resource: Tool::"<server>/<tool>"} with the call's
 * arguments as the record {@code context.arguments}; {@link #schema} is the Cedar schema the policies are written
 * against, and the file's header repeats it.
 *
 * <p>Allowed and rate-limited tools are {@code permit}ted (Cedar cannot count calls: a {@code @rate_limit}
 * annotation carries the limit for the gateway). Every other tool is {@code forbid}den outright, with a
 * {@code @treatment} ({@code ask}, {@code require-approval}, {@code hide}) and a {@code @reason}, so that no broader
 * permit an operator adds lets it through; Cedar would deny it anyway, as it denies every tool this file does not
 * name. The denied actions of a permitted multi-action tool are a {@code forbid ... when} on the argument, which
 * also refuses a request with no {@code arguments} at all (a forbid that errored would be ignored, and the call let
 * through).
 */
public final class CedarPolicySet implements PolicyTemplate {
    /** A name Cedar reads as an identifier after {@code .} or {@code has}; others are written as string literals. */
    private static final Pattern IDENTIFIER = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");
    /** Cedar's reserved words, which an attribute access must quote. */
    private static final Set<String> RESERVED = Set.of("true", "false", "if", "then", "else", "in", "is", "like", "has");
    private static final String ARGUMENTS = "context.arguments";

    CedarPolicySet() {
    }

    @Override
    public String render(ServerPolicy policy) {
        var text = new StringBuilder();
        text.append(CommentLine.of("//", policy.provenance()));
        text.append(CommentLine.of("//", "A call is the request principal Client::\"<caller>\", action Action::\"call_tool\", "
                + "resource Tool::\"%s/<tool name>\", context {arguments: <the call's arguments>}.".formatted(policy.server())));
        text.append(CommentLine.of("//", "Cedar denies what no policy permits; a tool refused here is also forbidden "
                + "outright, so that no broader permit lets it through."));
        text.append(CommentLine.of("//", "The schema these policies validate against (Cedar schema syntax):"));
        for (String line : schema(policy).split("\n")) text.append(CommentLine.of("//", "  " + line));
        for (ToolPolicy tool : policy.tools()) {
            String resource = "Tool::" + string(policy.server() + "/" + tool.tool());
            Optional<String> refusal = refusal(tool.treatment());
            if (refusal.isPresent()) {
                annotate(text.append('\n'), "category", tool.category().wireName());
                annotate(text, "treatment", treatment(tool.treatment()));
                annotate(text, "reason", refusal.get());
                text.append("forbid (").append(scope(resource)).append(");\n");
            } else if (AllowList.admits(tool)) {
                permit(text, tool, resource);
            }
            // else: an allowed tool whose name no string can hold exactly, left out and so denied.
        }
        return text.toString();
    }

    private static void permit(StringBuilder text, ToolPolicy tool, String resource) {
        annotate(text.append('\n'), "category", tool.category().wireName());
        annotate(text, "treatment", treatment(tool.treatment()));
        if (tool.treatment() instanceof Treatment.RateLimit r) annotate(text, "rate_limit", r.wireValue());
        text.append("permit (").append(scope(resource)).append(");\n");
        for (ToolPolicy.DeniedActions d : tool.deniedActions()) {
            annotate(text.append('\n'), "category", d.category().wireName());
            annotate(text, "treatment", "deny-actions");
            annotate(text, "reason", d.reason());
            text.append("forbid (").append(scope(resource)).append(")\n");
            text.append("when { !(context has arguments) || (").append(ARGUMENTS).append(" has ").append(attributeName(d.param()))
                    .append(" && ").append(oneOf(argument(d.param()), d.values())).append(") };\n");
        }
    }

    private static void annotate(StringBuilder text, String key, String value) {
        text.append('@').append(key).append('(').append(string(value)).append(")\n");
    }

    private static String scope(String resource) {
        return "principal, action == Action::\"call_tool\", resource == " + resource;
    }

    /** {@code x == "a"}, or {@code ["a", "b"].contains(x)}. */
    private static String oneOf(String expression, List<String> values) {
        if (values.size() == 1) return expression + " == " + string(values.getFirst());
        return "[" + String.join(", ", values.stream().map(CedarPolicySet::string).toList()) + "].contains(" + expression + ")";
    }

    private static String argument(String param) {
        return isIdentifier(param) ? ARGUMENTS + "." + param : ARGUMENTS + "[" + string(param) + "]";
    }

    private static String attributeName(String param) {
        return isIdentifier(param) ? param : string(param);
    }

    private static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name) && !name.startsWith("__cedar");
    }

    /**
     * The Cedar schema (in Cedar's schema syntax) that {@code policy}'s policies are written against: entity types
     * {@code Client} and {@code Tool}, action {@code call_tool}, and a context whose {@code arguments} record names
     * the arguments the policies test, each an optional string. Cedar's records are closed: a gateway that validates
     * requests against this schema passes only these arguments.
     */
    static String schema(ServerPolicy policy) {
        Set<String> params = new TreeSet<>();
        for (ToolPolicy tool : policy.tools()) {
            if (AllowList.admits(tool)) tool.deniedActions().forEach(d -> params.add(d.param()));
        }
        String arguments = params.isEmpty() ? "{}"
                : "{ " + String.join(", ", params.stream().map(p -> string(p) + "?: String").toList()) + " }";
        return """
                entity Client;
                entity Tool;
                action "call_tool" appliesTo {
                  principal: [Client],
                  resource: [Tool],
                  context: { arguments: %s }
                };
                """.formatted(arguments);
    }

    private static String treatment(Treatment treatment) {
        return switch (treatment) {
            case Treatment.Allow a -> "allow";
            case Treatment.RateLimit r -> "rate-limit";
            case Treatment.Ask a -> "ask";
            case Treatment.RequireApproval r -> "require-approval";
            case Treatment.Hide h -> "hide";
        };
    }

    /** Why calls are refused, or empty when they pass. */
    private static Optional<String> refusal(Treatment treatment) {
        return switch (treatment) {
            case Treatment.Allow a -> Optional.empty();
            case Treatment.RateLimit r -> Optional.empty();
            case Treatment.Ask a -> Optional.of(a.reason());
            case Treatment.RequireApproval r -> Optional.of(r.reason());
            case Treatment.Hide h -> Optional.of(h.reason());
        };
    }

    /** {@code text} as a Cedar string literal ({@link StringLiteral}), escaping as &#92;u{2028}. */
    static String string(String text) {
        return StringLiteral.of(text, '"', c -> "\\u{" + Integer.toHexString(c) + "}");
    }

    @Override
    public String contentType() {
        return "text/plain";
    }

    @Override
    public String fileName(String server) {
        return server + ".cedar";
    }
}
