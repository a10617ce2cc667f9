package io.toolrisk.policy;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Sha256;
import io.toolrisk.catalogue.WireName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The file formats a policy can be written in, each with its template. */
public enum PolicyFormat implements WireName {
    /** PolicyLayer's gateway JSON. */
    POLICYLAYER(new PolicyLayerJson()),
    /** The YAML of PolicyLayer's open-source proxy, Intercept. */
    INTERCEPT(new InterceptYaml()),
    /** A Claude Code settings fragment ({@code permissions.allow/ask/deny}). */
    CLAUDE_CODE(new ClaudeCodePermissions()),
    /** The Docker MCP Gateway's {@code tools.yaml}: the tools it enables. */
    DOCKER_GATEWAY(new DockerGatewayTools()),
    /** A Cedar policy set (ToolHive, AWS Verified Permissions and other Cedar authorizers). */
    CEDAR(new CedarPolicySet()),
    /** agentgateway's {@code mcpAuthorization} rules, in CEL. */
    AGENTGATEWAY(new AgentgatewayRules());

    private final PolicyTemplate template;

    PolicyFormat(PolicyTemplate template) {
        this.template = template;
    }

    public PolicyTemplate template() {
        return template;
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static PolicyFormat fromWireName(String name) {
        return WireName.parse(PolicyFormat.class, name, "policy format");
    }

    /** Every format's wire name, in order, as a list in prose: {@code policylayer, intercept, ... or agentgateway}. */
    public static String wireNames(String conjunction) {
        return WireName.list(PolicyFormat.class, conjunction);
    }

    /**
     * A hash of what the templates make of a fixed sample of tools (every category, a multi-action tool, flags,
     * names YAML would misread), under every profile and in every format: it changes when the code that writes
     * policies changes, so a refresh can tell that policy files written by an older build must be written anew.
     */
    public static String templatesFingerprint() {
        return Fingerprint.VALUE;
    }

    private static final class Fingerprint {
        static final String VALUE = compute();

        private static String compute() {
            List<RiskProfile> sample = new ArrayList<>();
            for (Category c : Category.values()) sample.add(sampleProfile("tool_" + c.wireName(), c, List.of(), List.of()));
            sample.add(sampleProfile("manage", Category.DESTRUCTIVE, List.of(), List.of(
                    new ActionProfile("action", "get", Category.READ),
                    new ActionProfile("action", "update", Category.WRITE),
                    new ActionProfile("action", "delete", Category.DESTRUCTIVE),
                    new ActionProfile("action", "pay", Category.FINANCIAL))));
            for (FlagKind kind : FlagKind.values())
                sample.add(sampleProfile("flag_" + kind.wireName(), Category.READ, List.of(new Flag(kind, "description", "q", "d")), List.of()));
            for (String name : List.of("0x10", "<<", "no", "1e3", "note: [x] #y", "a.b", "\u00e9\u2028"))
                sample.add(sampleProfile(name, Category.WRITE, List.of(), List.of()));
            var all = new StringBuilder();
            for (PolicyProfile profile : PolicyProfile.values()) {
                ServerPolicy policy = ServerPolicy.of("sample", "fingerprint", sample, profile);
                for (PolicyFormat format : values()) all.append(format.template().render(policy)).append('\u0000');
            }
            return Sha256.hex(all.toString(), 12);
        }

        private static RiskProfile sampleProfile(String tool, Category category, List<Flag> flags, List<ActionProfile> actions) {
            return new RiskProfile(Optional.of("sample"), tool, category, 0.5, List.of(), flags, actions, "fingerprint");
        }
    }

    @Override
    public String toString() {
        return wireName();
    }
}
