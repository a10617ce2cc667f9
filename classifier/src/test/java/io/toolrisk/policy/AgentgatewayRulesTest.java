package io.toolrisk.policy;

import io.toolrisk.catalogue.RiskProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** agentgateway's rules, compiled and evaluated by CEL's Java implementation (see {@link CelRules}). */
class AgentgatewayRulesTest {
    private static CelRules rules(List<RiskProfile> profiles, PolicyProfile profile) throws Exception {
        return CelRules.of(PolicyFormat.AGENTGATEWAY.template().render(ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile)));
    }

    @Test
    void aReadToolIsAllowedADestructiveOneRefusedAndOnlyTheDeniedActionOfAMultiActionTool() throws Exception {
        CelRules rules = rules(PolicyFixtures.acme(), PolicyProfile.RECOMMENDED);
        assertEquals(5, rules.sources().size(), "one rule per tool that passes: " + rules.sources());
        assertTrue(rules.allow("get_issue", Map.of()));
        assertTrue(rules.allow("create_issue", Map.of()), "rate-limited tools pass");
        assertFalse(rules.allow("delete_repo", Map.of()));
        assertFalse(rules.allow("refund_payment", Map.of()));
        assertTrue(rules.allow("manage_issue", Map.of("action", "get")));
        assertTrue(rules.allow("manage_issue", Map.of("action", "update")));
        assertFalse(rules.allow("manage_issue", Map.of("action", "delete")));
        assertTrue(rules.allow("manage_issue", null), "a listing, with no arguments, shows the tool");
        assertTrue(rules.allow("note: [x] #y", Map.of()));
        assertFalse(rules.allow("get_issue ", Map.of()));
        assertFalse(rules.allow(PolicyFixtures.UNLISTED, Map.of()));
    }

    @Test
    void everyRuleUnderEveryProfileCompilesAndDecidesEachCallAsThePolicySays() throws Exception {
        for (List<RiskProfile> profiles : List.of(PolicyFixtures.acme(), PolicyFixtures.hostile())) {
            for (PolicyProfile profile : PolicyProfile.values()) {
                ServerPolicy policy = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile);
                CelRules rules = CelRules.of(PolicyFormat.AGENTGATEWAY.template().render(policy));
                for (PolicyCalls.Call call : PolicyCalls.of(policy, profiles)) {
                    assertEquals(call.allowed(), rules.allow(call.tool(), call.arguments()),
                            () -> "%s: %s with %s".formatted(profile.wireName(), call.tool(), call.arguments()));
                    if (call.arguments().isEmpty())
                        assertEquals(call.allowed(), rules.allow(call.tool(), null), () -> "listing " + call.tool());
                }
            }
        }
    }

    @Test
    void stringLiteralsEscapeQuotesBackslashesLineBreaksAndEverythingOutsidePrintableAscii() {
        assertEquals("'it\\'s \"hi\" \\\\ a\\nb\\r\\t\\u0000\\u2028\\u00e9\\U0001f600\\U0001d800\\ufffd'",
                AgentgatewayRules.string("it's \"hi\" \\ a\nb\r\t\u0000\u2028\u00e9\uD83D\uDE00\uD836\uDC00\uD83D"));
    }
}
