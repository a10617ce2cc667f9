package io.toolrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.testing.TestCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static io.toolrisk.testing.TestCatalogue.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream stdout = System.out, stderr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = ToolRiskCli.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private void catalogue() throws IOException {
        new TestCatalogue().crawled("github",
                        tool("github", "delete_repo", "Deletes a repository.", Category.DESTRUCTIVE),
                        tool("github", "list_issues", "Lists issues.", Category.READ))
                .writeAndIndex(new CatalogueStore(dir), Instant.parse("2026-11-25T13:00:00Z"));
    }

    @Test
    void printsEachFormatForAServerOfTheCurrentSnapshot() throws IOException {
        catalogue();
        Run json = run("policy", "github", "--catalogue", dir.toString());
        assertEquals(0, json.exit(), json.err());
        JsonNode policy = Json.MAPPER.readTree(json.out());
        assertEquals("deny", policy.path("default").asText());
        assertEquals("delete_repo", policy.path("hide").get(0).asText());
        assertEquals(TestCatalogue.RULESET, policy.path("generated_by").path("ruleset").asText());

        Run yaml = run("policy", "github", "--catalogue", dir.toString(), "--format", "intercept", "--profile", "strict");
        assertEquals(0, yaml.exit(), yaml.err());
        assertEquals("allow-read", new YAMLMapper().readTree(yaml.out()).path("tools").path("list_issues")
                .path("rules").get(0).path("name").asText());

        Run claude = run("policy", "github", "--catalogue", dir.toString(), "--format", "claude-code");
        assertEquals("mcp__github__list_issues", Json.MAPPER.readTree(claude.out()).path("permissions").path("allow").get(0).asText());

        Run docker = run("policy", "github", "--catalogue", dir.toString(), "--format", "docker-gateway");
        assertEquals("list_issues", new YAMLMapper().readTree(docker.out()).path("github").get(0).asText());
        Run cedar = run("policy", "github", "--catalogue", dir.toString(), "--format", "cedar");
        assertTrue(cedar.out().contains("permit (principal, action == Action::\"call_tool\", resource == Tool::\"github/list_issues\");"),
                cedar.out());
        Run agentgateway = run("policy", "github", "--catalogue", dir.toString(), "--format", "agentgateway");
        assertEquals("mcp.tool.name == 'list_issues'", new YAMLMapper().readTree(agentgateway.out())
                .path("mcpAuthorization").path("rules").get(0).asText());
    }

    @Test
    void helpNamesEveryFormat() {
        Run help = run("policy", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("One of policylayer, intercept, claude-code, docker-gateway, cedar, agentgateway;"),
                help.out());
    }

    @Test
    void readsTheSnapshotWhenTheIndexIsMissing() throws IOException {
        catalogue();
        var store = new CatalogueStore(dir);
        CatalogueStore.deleteTree(store.indexDir(store.currentId().orElseThrow()));
        Run json = run("policy", "github", "--catalogue", dir.toString());
        assertEquals(0, json.exit(), json.err());
        assertEquals("delete_repo", Json.MAPPER.readTree(json.out()).path("hide").get(0).asText());
    }

    @Test
    void unknownServerFormatOrMissingCatalogueSayWhatIsWrong() throws IOException {
        Run none = run("policy", "github", "--catalogue", dir.toString());
        assertEquals(4, none.exit());
        assertTrue(none.err().contains("no catalogue at " + dir + " yet"), none.err());
        catalogue();
        Run unknown = run("policy", "gitlab", "--catalogue", dir.toString());
        assertEquals(4, unknown.exit());
        assertTrue(unknown.err().startsWith("toolrisk policy: no server 'gitlab' in snapshot "), unknown.err());
        Run format = run("policy", "github", "--catalogue", dir.toString(), "--format", "opa");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("unknown policy format 'opa' "
                + "(expected policylayer, intercept, claude-code, docker-gateway, cedar or agentgateway)"), format.err());
    }
}
