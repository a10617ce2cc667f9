package io.toolrisk.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.catalogue.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTemplateTest {
    /** Set -Dtoolrisk.updateGolden=true to rewrite the golden files from the current output (then review the diff). */
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("toolrisk.updateGolden");

    private static String render(PolicyFormat format, PolicyProfile profile) {
        return format.template().render(ServerPolicy.of("acme", PolicyFixtures.RULESET, PolicyFixtures.acme(), profile));
    }

    private static String golden(String name, String actual) throws IOException {
        if (UPDATE_GOLDEN) {
            Path file = Path.of("src/test/resources/policy", name);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = PolicyTemplateTest.class.getResourceAsStream("/policy/" + name)) {
            assertNotNull(in, "golden file /policy/" + name + " is missing; run with -Dtoolrisk.updateGolden=true");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(PolicyFormat.class)
    void recommendedPolicyMatchesGoldenFile(PolicyFormat format) throws IOException {
        String actual = render(format, PolicyProfile.RECOMMENDED);
        String name = format.template().fileName("acme");
        assertEquals(golden(name, actual), actual);
    }

    @ParameterizedTest
    @EnumSource(PolicyFormat.class)
    void strictPolicyMatchesGoldenFile(PolicyFormat format) throws IOException {
        String actual = render(format, PolicyProfile.STRICT);
        String name = format.template().fileName("acme-strict");
        assertEquals(golden(name, actual), actual);
    }

    @Test
    void policyLayerAllowsReadsLimitsWritesHidesDestructiveAndDeniesFinancial() throws IOException {
        JsonNode policy = Json.MAPPER.readTree(render(PolicyFormat.POLICYLAYER, PolicyProfile.RECOMMENDED));
        assertEquals("1", policy.path("version").asText());
        assertEquals("deny", policy.path("default").asText());
        JsonNode tools = policy.path("tools");
        assertEquals("allow", tools.path("get_issue").path("action").asText());
        assertFalse(tools.path("get_issue").has("rate_limit"));
        assertEquals("30/minute", tools.path("create_issue").path("rate_limit").asText());
        assertEquals("10/minute", tools.path("run_query").path("rate_limit").asText());
        assertEquals("deny", tools.path("refund_payment").path("action").asText());
        assertTrue(tools.path("refund_payment").path("requires_approval").asBoolean());
        assertTrue(tools.path("refund_payment").path("reason").asText().contains("human"));
        assertFalse(tools.has("delete_repo"), "hidden tools are not listed under tools");
        assertEquals(List.of("delete_repo", "purge_all"), strings(policy.path("hide")));
        assertEquals(PolicyFixtures.RULESET, policy.path("generated_by").path("ruleset").asText());
    }

    @Test
    void multiActionToolIsRateLimitedWithOnlyItsDangerousActionsDenied() throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(render(PolicyFormat.INTERCEPT, PolicyProfile.RECOMMENDED));
        JsonNode rules = yaml.path("tools").path("manage_issue").path("rules");
        assertEquals(2, rules.size());
        JsonNode deny = rules.get(0);
        assertEquals("deny", deny.path("action").asText());
        JsonNode condition = deny.path("conditions").get(0);
        assertEquals("args.action", condition.path("path").asText());
        assertEquals("in", condition.path("op").asText());
        assertEquals(List.of("delete"), strings(condition.path("value")));
        assertFalse(deny.path("on_deny").asText().isEmpty());
        assertEquals("evaluate", rules.get(1).path("action").asText());
        assertEquals("30/minute", rules.get(1).path("rate_limit").asText());
    }

    @Test
    void interceptYamlParsesBackWithEveryToolNameIntact() throws IOException {
        String text = render(PolicyFormat.INTERCEPT, PolicyProfile.RECOMMENDED);
        assertTrue(text.startsWith("# ToolRisk recommended policy for MCP server 'acme'"), text);
        JsonNode yaml = new YAMLMapper().readTree(text);
        assertEquals("1", yaml.path("version").asText());
        assertEquals("deny", yaml.path("default").asText());
        assertEquals(List.of("delete_repo", "purge_all"), strings(yaml.path("hide")));
        List<String> names = new ArrayList<>();
        yaml.path("tools").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("create_issue", "get_issue", "manage_issue", "note: [x] #y", "refund_payment", "run_query"), names);
        JsonNode refund = yaml.path("tools").path("refund_payment").path("rules").get(0);
        assertEquals("deny", refund.path("action").asText());
        assertEquals("10/minute", yaml.path("tools").path("run_query").path("rules").get(0).path("rate_limit").asText());
    }

    @Test
    void interceptYamlKeepsEveryToolNameAndDeniedValueAString() {
        var values = PolicyFixtures.LOOK_LIKE_OTHER_SCALARS.stream().map(v -> new ActionProfile("action", v, Category.DESTRUCTIVE)).toList();
        var actions = new ArrayList<>(values);
        actions.add(new ActionProfile("action", "get", Category.READ));
        var profiles = new ArrayList<RiskProfile>();
        profiles.add(PolicyFixtures.profile("manage", Category.DESTRUCTIVE, actions.toArray(ActionProfile[]::new)));
        for (String name : PolicyFixtures.LOOK_LIKE_OTHER_SCALARS) profiles.add(PolicyFixtures.profile(name, Category.READ));
        String text = PolicyFormat.INTERCEPT.template().render(
                ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, PolicyProfile.RECOMMENDED));

        // SnakeYAML resolves scalars by YAML 1.1, as many gateways' loaders do (Jackson's own reader keeps text).
        Map<String, Object> yaml = new Yaml().load(text);
        var tools = (Map<?, ?>) yaml.get("tools");
        for (String name : PolicyFixtures.LOOK_LIKE_OTHER_SCALARS) assertTrue(tools.containsKey(name), () -> "tool '" + name + "' in\n" + text);
        var rule = (Map<?, ?>) ((List<?>) ((Map<?, ?>) tools.get("manage")).get("rules")).get(0);
        var condition = (Map<?, ?>) ((List<?>) rule.get("conditions")).get(0);
        assertEquals(PolicyFixtures.LOOK_LIKE_OTHER_SCALARS, condition.get("value"), text);
    }

    /**
     * Each format's own reader (JSON, a YAML 1.1 loader, the Cedar engine, CEL) gets back exactly the tool names the
     * format should name, however hostile: no name ends a string or a line early, injects a rule, or reads as
     * something else. A name with a lone surrogate, which no gateway receives intact, is left out of the comparison.
     */
    @ParameterizedTest
    @EnumSource(PolicyFormat.class)
    void everyProfileWritesEveryHostileNameSoThatTheFormatsReaderGetsItBack(PolicyFormat format) throws Exception {
        List<ServerPolicy> policies = new ArrayList<>();
        for (PolicyProfile profile : PolicyProfile.values())
            policies.add(ServerPolicy.of("acme", PolicyFixtures.RULESET, PolicyFixtures.hostile(), profile));
        for (ServerPolicy policy : policies) {
            String text = format.template().render(policy);
            List<String> every = policy.tools().stream().map(ToolPolicy::tool).toList();
            List<String> all = every.stream().filter(n -> !LoneSurrogates.in(n)).toList();
            List<String> admitted = policy.tools().stream().filter(AllowList::admits).map(ToolPolicy::tool).toList();
            List<String> expected = switch (format) {
                case POLICYLAYER -> every;
                case INTERCEPT -> every.stream().map(LoneSurrogates::replaced).toList();
                case CEDAR -> all;
                case CLAUDE_CODE -> every.stream().map(t -> ClaudeCodePermissions.toolName("acme", t)).toList();
                case DOCKER_GATEWAY -> policy.tools().stream()
                        .filter(t -> AllowList.admits(t) && t.deniedActions().isEmpty() && !t.tool().equals("*"))
                        .map(ToolPolicy::tool).toList();
                case AGENTGATEWAY -> admitted;
            };
            List<String> readBack = switch (format) {
                case POLICYLAYER -> {
                    JsonNode json = Json.MAPPER.readTree(text);
                    List<String> names = new ArrayList<>();
                    json.path("tools").fieldNames().forEachRemaining(names::add);
                    names.addAll(strings(json.path("hide")));
                    yield names;
                }
                case INTERCEPT -> {
                    Map<String, Object> yaml = new Yaml().load(text);
                    List<String> names = new ArrayList<>();
                    ((Map<?, ?>) yaml.get("tools")).keySet().forEach(k -> names.add((String) k));
                    ((List<?>) yaml.get("hide")).forEach(k -> names.add((String) k));
                    yield names;
                }
                case CLAUDE_CODE -> {
                    JsonNode permissions = Json.MAPPER.readTree(text).path("permissions");
                    List<String> names = new ArrayList<>(strings(permissions.path("allow")));
                    names.addAll(strings(permissions.path("ask")));
                    names.addAll(strings(permissions.path("deny")));
                    yield names;
                }
                case DOCKER_GATEWAY -> {
                    Map<String, List<String>> yaml = new Yaml().load(text);
                    yield yaml.get("acme");
                }
                case CEDAR -> {
                    var result = CedarEngine.check(List.of(new CedarEngine.Case("hostile", CedarPolicySet.schema(policy), text,
                            List.of()))).getFirst();
                    assertEquals(List.of(), result.parse());
                    yield result.resources().stream().distinct().map(r -> r.substring("acme/".length()))
                            .filter(n -> !LoneSurrogates.in(n)).filter(r -> !r.contains("\uFFFD")).toList();
                }
                case AGENTGATEWAY -> {
                    CelRules rules = CelRules.of(text);
                    List<String> names = new ArrayList<>();
                    for (String name : all) if (rules.allow(name, null)) names.add(name);
                    assertFalse(rules.allow(PolicyFixtures.UNLISTED, Map.of()));
                    yield names;
                }
            };
            assertEquals(expected.stream().sorted().toList(), readBack.stream().sorted().toList(),
                    format.wireName() + " under " + policy.profile().wireName() + ":\n" + text);
        }
    }

    @Test
    void claudeCodeAllowsReadsAsksForWritesAndExecutesDeniesTheRest() throws IOException {
        JsonNode permissions = Json.MAPPER.readTree(render(PolicyFormat.CLAUDE_CODE, PolicyProfile.RECOMMENDED)).path("permissions");
        assertEquals(List.of("mcp__acme__get_issue", "mcp__acme__note___x___y"), strings(permissions.path("allow")));
        assertEquals(List.of("mcp__acme__create_issue", "mcp__acme__manage_issue", "mcp__acme__run_query"),
                strings(permissions.path("ask")));
        assertEquals(List.of("mcp__acme__delete_repo", "mcp__acme__purge_all", "mcp__acme__refund_payment"),
                strings(permissions.path("deny")));
    }

    @Test
    void permissiveProfileAllowsWritesAndDeniesDestructiveWithoutHiding() throws IOException {
        JsonNode policy = Json.MAPPER.readTree(render(PolicyFormat.POLICYLAYER, PolicyProfile.PERMISSIVE));
        assertEquals("allow", policy.path("tools").path("create_issue").path("action").asText());
        assertFalse(policy.path("tools").path("create_issue").has("rate_limit"));
        assertEquals("deny", policy.path("tools").path("delete_repo").path("action").asText());
        assertTrue(policy.path("hide").isEmpty());
    }

    @Test
    void aToolWithHiddenInstructionsOrInvisibleCharactersIsDeniedWhateverItsCategory() throws IOException {
        List<RiskProfile> profiles = List.of(
                flagged("get_weather", Category.READ, FlagKind.HIDDEN_INSTRUCTIONS),
                flagged("add_note", Category.WRITE, FlagKind.INVISIBLE_CHARACTERS, FlagKind.HIDDEN_INSTRUCTIONS),
                flagged("drop_table", Category.DESTRUCTIVE, FlagKind.INVISIBLE_CHARACTERS),
                flagged("get_time", Category.READ, FlagKind.OPEN_WORLD, FlagKind.CREDENTIAL_ACCESS));
        for (PolicyProfile profile : PolicyProfile.values()) {
            JsonNode tools = Json.MAPPER.readTree(PolicyFormat.POLICYLAYER.template()
                    .render(ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile))).path("tools");
            assertEquals("deny", tools.path("get_weather").path("action").asText(), profile.wireName());
            assertEquals("hidden-instructions: its definition holds text meant for the model or hidden from people; "
                    + "denied until a human has read it", tools.path("get_weather").path("reason").asText());
            assertEquals("deny", tools.path("add_note").path("action").asText(), profile.wireName());
            assertTrue(tools.path("add_note").path("reason").asText().startsWith("hidden-instructions, invisible-characters: "));
            assertEquals("allow", tools.path("get_time").path("action").asText(), "other flags leave the category's treatment");
        }
        ServerPolicy recommended = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, PolicyProfile.RECOMMENDED);
        assertEquals(List.of("drop_table"), recommended.hidden(), "a hidden tool stays hidden");
        JsonNode claude = Json.MAPPER.readTree(PolicyFormat.CLAUDE_CODE.template().render(recommended)).path("permissions");
        assertEquals(List.of("mcp__acme__add_note", "mcp__acme__drop_table", "mcp__acme__get_weather"), strings(claude.path("deny")));
    }

    @Test
    void openWorldWritesAskAHumanForEachCallUnderTheRecommendedProfile() throws IOException {
        List<RiskProfile> profiles = List.of(flagged("send_email", Category.WRITE, FlagKind.OPEN_WORLD),
                PolicyFixtures.profile("create_issue", Category.WRITE));
        ServerPolicy recommended = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, PolicyProfile.RECOMMENDED);
        JsonNode tools = Json.MAPPER.readTree(PolicyFormat.POLICYLAYER.template().render(recommended)).path("tools");
        assertEquals("deny", tools.path("send_email").path("action").asText());
        assertTrue(tools.path("send_email").path("requires_approval").asBoolean());
        assertEquals("per_call", tools.path("send_email").path("approval").asText());
        assertEquals(PolicyProfile.OPEN_WORLD_REASON, tools.path("send_email").path("reason").asText());
        assertEquals("30/minute", tools.path("create_issue").path("rate_limit").asText(), "a plain write keeps its rate limit");
        JsonNode claude = Json.MAPPER.readTree(PolicyFormat.CLAUDE_CODE.template().render(recommended)).path("permissions");
        assertEquals(List.of("mcp__acme__create_issue", "mcp__acme__send_email"), strings(claude.path("ask")));
        JsonNode intercept = new YAMLMapper().readTree(PolicyFormat.INTERCEPT.template().render(recommended));
        JsonNode rule = intercept.path("tools").path("send_email").path("rules").get(0);
        assertEquals("ask-write", rule.path("name").asText());
        assertEquals("deny", rule.path("action").asText());

        ServerPolicy strict = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, PolicyProfile.STRICT);
        assertEquals(new Treatment.RequireApproval(PolicyProfile.OPEN_WORLD_REASON), strict.tools().get(1).treatment());
        ServerPolicy permissive = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, PolicyProfile.PERMISSIVE);
        assertEquals(new Treatment.RateLimit(30), permissive.tools().get(1).treatment());
    }

    @Test
    void theAuthorsWarningIsAFloorForEveryPolicy() throws IOException {
        List<RiskProfile> profiles = List.of(
                conflict("list_pages", Category.READ, Flag.DESTRUCTIVE_HINT_FIELD, Flag.DESTRUCTIVE_HINT_TRUE),
                conflict("format_range", Category.READ, Flag.READ_ONLY_HINT_FIELD, Flag.READ_ONLY_HINT_FALSE),
                conflict("create_page", Category.WRITE, Flag.DESTRUCTIVE_HINT_FIELD, Flag.DESTRUCTIVE_HINT_TRUE),
                conflict("delete_page", Category.DESTRUCTIVE, Flag.READ_ONLY_HINT_FIELD, "readOnlyHint: true"));
        for (PolicyProfile profile : PolicyProfile.values()) {
            ServerPolicy policy = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile);
            JsonNode claude = Json.MAPPER.readTree(PolicyFormat.CLAUDE_CODE.template().render(policy)).path("permissions");
            assertFalse(strings(claude.path("allow")).contains("mcp__acme__list_pages"), profile.wireName());
            assertFalse(strings(claude.path("allow")).contains("mcp__acme__create_page"), profile.wireName());
            for (ToolPolicy tool : policy.tools()) {
                Category expected = switch (tool.tool()) {
                    case "list_pages", "create_page", "delete_page" -> Category.DESTRUCTIVE;
                    default -> Category.WRITE;
                };
                assertEquals(expected, tool.treatedAs(), tool.tool());
                assertEquals(profile.treatment(expected), tool.treatment(), tool.tool());
            }
        }
        ServerPolicy recommended = ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, PolicyProfile.RECOMMENDED);
        assertEquals(List.of("create_page", "delete_page", "list_pages"), recommended.hidden());
    }

    private static RiskProfile conflict(String tool, Category category, String field, String quote) {
        return new RiskProfile(Optional.of("acme"), tool, category, 0.9, List.of(),
                List.of(new Flag(FlagKind.ANNOTATION_CONFLICT, field, quote, "detail")), List.of(), PolicyFixtures.RULESET);
    }

    @Test
    void aToolThatShadowsOthersIsDeniedWhateverItsCategoryAndSelfPromotionOnlyRaisesItsSeverity() throws IOException {
        List<RiskProfile> profiles = List.of(
                flagged("get_weather", Category.READ, FlagKind.TOOL_SHADOWING),
                flagged("get_forecast", Category.READ, FlagKind.PREFERENCE_MANIPULATION));
        for (PolicyProfile profile : PolicyProfile.values()) {
            JsonNode tools = Json.MAPPER.readTree(PolicyFormat.POLICYLAYER.template()
                    .render(ServerPolicy.of("acme", PolicyFixtures.RULESET, profiles, profile))).path("tools");
            assertEquals("deny", tools.path("get_weather").path("action").asText(), profile.wireName());
            assertEquals("tool-shadowing: its definition holds text meant for the model or hidden from people; "
                    + "denied until a human has read it", tools.path("get_weather").path("reason").asText());
            assertEquals("allow", tools.path("get_forecast").path("action").asText(), profile.wireName());
        }
        assertEquals(Severity.CRITICAL, profiles.get(0).severity());
        assertEquals(Severity.HIGH, profiles.get(1).severity());
    }

    private static RiskProfile flagged(String tool, Category category, FlagKind... kinds) {
        List<Flag> flags = new ArrayList<>();
        for (FlagKind kind : kinds) flags.add(new Flag(kind, "description", "quote", "detail"));
        return new RiskProfile(Optional.of("acme"), tool, category, 0.9, List.of(), flags, List.of(), PolicyFixtures.RULESET);
    }

    @Test
    void unknownFormatAndProfileNamesSayWhatIsAccepted() {
        var format = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PolicyFormat.fromWireName("opa"));
        assertEquals("unknown policy format 'opa' (expected policylayer, intercept, claude-code, docker-gateway, cedar or agentgateway)",
                format.getMessage());
        var profile = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PolicyProfile.fromWireName("lax"));
        assertEquals("unknown policy profile 'lax' (expected recommended, strict or permissive)", profile.getMessage());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
