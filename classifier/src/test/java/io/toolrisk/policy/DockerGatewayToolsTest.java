package io.toolrisk.policy;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.RiskProfile;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Docker MCP Gateway's tools.yaml, read back by a YAML 1.1 loader (SnakeYAML), as many gateways' loaders read. */
class DockerGatewayToolsTest {
    private static Map<String, Object> enabled(List<RiskProfile> profiles, PolicyProfile profile) {
        String text = PolicyFormat.DOCKER_GATEWAY.template().render(ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile));
        return new Yaml().load(text);
    }

    @Test
    void listsExactlyTheToolsThatPassWithoutAHuman() {
        assertEquals(Map.of("acme", List.of("create_issue", "get_issue", "note: [x] #y", "run_query")),
                enabled(PolicyFixtures.acme(), PolicyProfile.RECOMMENDED),
                "a multi-action tool with denied actions is left out: tools.yaml cannot test arguments");
        assertEquals(Map.of("acme", List.of("create_issue", "get_issue", "note: [x] #y")), enabled(PolicyFixtures.acme(), PolicyProfile.STRICT));
        assertEquals(Map.of("acme", List.of("create_issue", "get_issue", "note: [x] #y", "run_query")),
                enabled(PolicyFixtures.acme(), PolicyProfile.PERMISSIVE));
    }

    @Test
    void aServerWithNoToolThatPassesGetsAnEmptyList() {
        var profiles = List.of(PolicyFixtures.profile("delete_repo", Category.DESTRUCTIVE),
                PolicyFixtures.profile("refund_payment", Category.FINANCIAL));
        assertEquals(Map.of("acme", List.of()), enabled(profiles, PolicyProfile.RECOMMENDED));
    }

    @Test
    void everyProfileListsEachHostileNameThatPassesExactlyAndNothingElse() {
        for (PolicyProfile profile : PolicyProfile.values()) {
            ServerPolicy policy = ServerPolicy.of("acme", PolicyFixtures.RULESET, PolicyFixtures.hostile(), profile);
            List<String> expected = policy.tools().stream()
                    .filter(t -> AllowList.admits(t) && t.deniedActions().isEmpty() && !t.tool().equals("*"))
                    .map(ToolPolicy::tool).toList();
            Map<String, Object> yaml = enabled(PolicyFixtures.hostile(), profile);
            assertEquals(Map.of("acme", expected), yaml, profile.wireName());
            @SuppressWarnings("unchecked")
            var listed = (List<String>) yaml.get("acme");
            assertTrue(listed.containsAll(List.of("0x10", "<<", "line\nbreak", "say \"hi\"", "rtl\u202Eexe.txt", "~")), profile.wireName());
            assertFalse(listed.contains("*"), "'*' may stand for every tool");
            assertFalse(listed.contains("lone\uD83D"), "a name no gateway receives intact is never listed");
            assertFalse(listed.contains("reserved"), "a multi-action tool with denied actions is never listed");
        }
    }
}
