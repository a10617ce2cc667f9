package io.toolrisk.mcpserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.index.ToolSearcher;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import io.toolrisk.policy.PolicyTemplate;
import io.toolrisk.policy.ServerPolicy;

import java.io.IOException;
import java.util.List;

/** {@code get_policy}: a server's recommended default policy in one format, as {@code GET /api/v1/servers/{server}/policy}. */
final class PolicyLookup implements McpTool {
    static final String NAME = "get_policy";
    /**
     * Longest policy a result carries (a server of 10,000 tools writes about 2 MB in the longest format); a longer one
     * is better fetched whole from {@code toolrisk policy} or the HTTP API than through a model's context.
     */
    static final int MAX_POLICY_CHARS = 4 * 1024 * 1024;
    private static final List<String> ARGUMENTS = List.of("server", "format", "profile");
    static final ObjectNode DEFINITION = ToolDefinition.readOnly(NAME, "Get a server's recommended policy",
            "Returns the default policy ToolRisk recommends for every tool of one catalogued server, as text in the "
                    + "format a gateway or client reads: policylayer (PolicyLayer's gateway JSON), intercept (its proxy's "
                    + "YAML), claude-code (a permissions fragment of Claude Code's settings), docker-gateway (the Docker MCP "
                    + "Gateway's tools.yaml), cedar (a Cedar policy set) or agentgateway (CEL rules). The recommended "
                    + "profile allows reads, rate-limits changes, asks a person before messages to recipients the caller "
                    + "picks, and keeps tools that destroy data or move money away from the model until a person approves "
                    + "them; strict and permissive move every category one step either way.",
            Schemas.input(List.of("server"),
                    "server", Schemas.serverKey("The server's catalogue key, such as github."),
                    "format", Schemas.oneOf(Schemas.wireNames(PolicyFormat.class), "The policy's format; policylayer by default."),
                    "profile", Schemas.oneOf(Schemas.wireNames(PolicyProfile.class), "How strict; recommended by default.")),
            Schemas.object(List.of("server", "format", "profile", "ruleset", "contentType", "fileName", "policy"),
                    "server", Schemas.string("the server's catalogue key"),
                    "format", Schemas.oneOf(Schemas.wireNames(PolicyFormat.class), null),
                    "profile", Schemas.oneOf(Schemas.wireNames(PolicyProfile.class), null),
                    "ruleset", Schemas.string("the ruleset of the profiles the policy follows"),
                    "contentType", Schemas.string("the policy text's media type"),
                    "fileName", Schemas.string("a file name for it"),
                    "policy", Schemas.string("the policy, as the file's text")));

    private final LiveIndex view;

    PolicyLookup(LiveIndex view) {
        this.view = view;
    }

    @Override
    public ObjectNode call(ObjectNode arguments) throws IOException {
        var a = new Arguments(NAME, arguments, ARGUMENTS);
        String server = CatalogueLookups.serverKey(a.requiredText("server"));
        PolicyFormat format = a.one("format", PolicyFormat.POLICYLAYER, PolicyFormat::fromWireName);
        PolicyProfile profile = a.one("profile", PolicyProfile.RECOMMENDED, PolicyProfile::fromWireName);
        try (var lease = view.lease()) {
            ToolSearcher searcher = CatalogueLookups.searcherWith(view, lease, server);
            PolicyTemplate template = format.template();
            String text = template.render(ServerPolicy.of(server, searcher.info().ruleset(), searcher.serverProfiles(server), profile));
            if (text.length() > MAX_POLICY_CHARS)
                throw new ToolError(("the %s policy of '%s' is %,d characters long, over the %,d a result carries; "
                        + "get it from 'toolrisk policy %s --format %s' or GET /api/v1/servers/%s/policy?format=%s")
                        .formatted(format.wireName(), server, text.length(), MAX_POLICY_CHARS, server, format.wireName(),
                                server, format.wireName()));
            return JsonNodeFactory.instance.objectNode()
                    .put("server", server)
                    .put("format", format.wireName())
                    .put("profile", profile.wireName())
                    .put("ruleset", searcher.info().ruleset())
                    .put("contentType", template.contentType())
                    .put("fileName", template.fileName(server))
                    .put("policy", text);
        }
    }
}
