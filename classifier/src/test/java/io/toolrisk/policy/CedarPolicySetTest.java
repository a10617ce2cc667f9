package io.toolrisk.policy;

import io.toolrisk.catalogue.RiskProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Cedar policy sets, parsed, validated and evaluated by the real Cedar engine (see {@link CedarEngine}). */
class CedarPolicySetTest {
    private static ServerPolicy policy(List<RiskProfile> profiles, PolicyProfile profile) {
        return ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile);
    }

    /** A call validated against the schema, which names only the arguments the policies test. */
    private static CedarEngine.Request call(String tool, Map<String, Object> arguments) {
        return new CedarEngine.Request("acme/" + tool, Map.of("arguments", arguments), true);
    }

    /** A call as a gateway that does not validate requests makes it, with all its arguments. */
    private static CedarEngine.Request unvalidatedCall(String tool, Map<String, ?> arguments) {
        return new CedarEngine.Request("acme/" + tool, Map.of("arguments", arguments), false);
    }

    private static CedarEngine.Case check(String name, ServerPolicy policy, List<CedarEngine.Request> requests) {
        return new CedarEngine.Case(name, CedarPolicySet.schema(policy), PolicyFormat.CEDAR.template().render(policy), requests);
    }

    @Test
    void aReadToolIsAllowedADestructiveOneDeniedAndOnlyTheDeniedActionOfAMultiActionTool() throws Exception {
        ServerPolicy policy = policy(PolicyFixtures.acme(), PolicyProfile.RECOMMENDED);
        List<CedarEngine.Request> requests = List.of(
                call("get_issue", Map.of()),
                call("delete_repo", Map.of()),
                call("refund_payment", Map.of()),
                call("create_issue", Map.of()),
                call("manage_issue", Map.of("action", "get")),
                call("manage_issue", Map.of("action", "update")),
                call("manage_issue", Map.of("action", "delete")),
                call("manage_issue", Map.of()),
                new CedarEngine.Request("acme/manage_issue", Map.of(), false),
                call("note: [x] #y", Map.of()),
                call("get_issue\n", Map.of()),
                new CedarEngine.Request("other/get_issue", Map.of("arguments", Map.of()), true));
        CedarEngine.Result result = CedarEngine.check(List.of(check("acme", policy, requests))).getFirst();
        assertEquals(List.of(), result.parse());
        assertEquals(List.of(), result.validation());
        assertEquals(List.of("allow", "deny", "deny", "allow", "allow", "allow", "deny", "allow",
                        "deny", "allow", "deny", "deny"), result.decisions(),
                "a request with no arguments at all refuses the tool whose actions are tested; another server's tool is denied");
    }

    @Test
    void everyPolicySetUnderEveryProfileParsesValidatesAndDecidesEachCallAsThePolicySays() throws Exception {
        List<CedarEngine.Case> cases = new ArrayList<>();
        Map<String, List<PolicyCalls.Call>> expected = new HashMap<>();
        Map<String, List<RiskProfile>> servers = new LinkedHashMap<>();
        servers.put("acme", PolicyFixtures.acme());
        servers.put("hostile", PolicyFixtures.hostile());
        servers.forEach((server, profiles) -> {
            for (PolicyProfile profile : PolicyProfile.values()) {
                ServerPolicy policy = policy(profiles, profile);
                List<PolicyCalls.Call> calls = PolicyCalls.of(policy, profiles);
                String name = server + " " + profile.wireName();
                expected.put(name, calls);
                cases.add(check(name, policy, calls.stream().map(c -> unvalidatedCall(c.tool(), c.arguments())).toList()));
            }
        });
        for (CedarEngine.Result result : CedarEngine.check(cases)) {
            assertEquals(List.of(), result.parse(), result.name());
            assertEquals(List.of(), result.validation(), result.name());
            List<PolicyCalls.Call> calls = expected.get(result.name());
            for (int i = 0; i < calls.size(); i++) {
                PolicyCalls.Call c = calls.get(i);
                assertEquals(c.allowed() ? "allow" : "deny", result.decisions().get(i),
                        () -> "%s: %s with %s".formatted(result.name(), c.tool(), c.arguments()));
            }
        }
    }

    @Test
    void stringLiteralsEscapeQuotesBackslashesLineBreaksAndEverythingOutsidePrintableAscii() {
        assertEquals("\"say \\\"hi\\\" \\\\ a\\nb\\r\\t\\u{0}\\u{2028}\\u{e9}\\u{1f600}\\u{1d800}\\u{fffd}\"",
                CedarPolicySet.string("say \"hi\" \\ a\nb\r\t\u0000\u2028\u00e9\uD83D\uDE00\uD836\uDC00\uD83D"));
    }

    @Test
    void theSchemaDeclaresEveryArgumentTheConditionsTest() {
        assertEquals(schemaWithArguments("{ \"__cedar\"?: String, \"action\"?: String, \"has\"?: String, \"in\"?: String, "
                        + "\"my \\\"param\\\"\\n\"?: String, \"{  }\"?: String }"),
                CedarPolicySet.schema(policy(PolicyFixtures.hostile(), PolicyProfile.RECOMMENDED)));
        assertEquals(schemaWithArguments("{}"), CedarPolicySet.schema(policy(
                List.of(PolicyFixtures.profile("get", io.toolrisk.catalogue.Category.READ)), PolicyProfile.RECOMMENDED)));
    }

    private static String schemaWithArguments(String arguments) {
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
}
