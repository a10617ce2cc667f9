package io.toolrisk.crawler.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientConfigsTest {
    @TempDir
    Path dir;

    @Test
    void readsClaudeDesktopAndCursorConfig() throws Exception {
        Path file = Files.writeString(dir.resolve("claude_desktop_config.json"), """
                {"mcpServers": {
                  "GitHub Server": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                                    "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_literal"}},
                  "remote": {"url": "https://mcp.example/mcp", "headers": {"Authorization": "Bearer x"}},
                  "off": {"command": "node", "disabled": true}
                }}""");

        assertEquals(List.of(
                new ServerEntry.Stdio("github-server", "npx", List.of("-y", "@modelcontextprotocol/server-github@2025.4.8"),
                        Map.of("GITHUB_PERSONAL_ACCESS_TOKEN", "ghp_literal"),
                        Optional.of("npm:@modelcontextprotocol/server-github@2025.4.8")),
                new ServerEntry.Http("remote", "https://mcp.example/mcp", Map.of("Authorization", "Bearer x"), Optional.empty())),
                ClientConfigs.read(file));
    }

    @Test
    void readsVsCodeConfigWithTypesCommentsAndVariables() throws Exception {
        Path file = Files.writeString(dir.resolve("mcp.json"), """
                {
                  // VS Code writes comments and trailing commas
                  "inputs": [{"type": "promptString", "id": "api-key", "password": true}],
                  "servers": {
                    "memory": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"],
                               "env": {"TOKEN": "${env:MEMORY_TOKEN}"}},
                    "docs": {"type": "sse", "url": "https://docs.example/sse", "headers": {"X-Key": "${input:api-key}"}},
                  },
                }""");

        assertEquals(List.of(
                new ServerEntry.Stdio("memory", "npx", List.of("-y", "@modelcontextprotocol/server-memory"),
                        Map.of("TOKEN", "${MEMORY_TOKEN}"), Optional.empty()),
                new ServerEntry.Http("docs", "https://docs.example/sse", Map.of("X-Key", "${api_key}"), Optional.empty())),
                ClientConfigs.read(file));
    }

    @Test
    void namesThatNormaliseAlikeGetDistinctIds() throws Exception {
        Path file = Files.writeString(dir.resolve("mcp.json"), """
                {"mcpServers": {"My Server": {"command": "a"}, "my-server": {"command": "b"}}}""");
        assertEquals(List.of("my-server", "my-server-2"), ClientConfigs.read(file).stream().map(ServerEntry::id).toList());
    }

    @Test
    void otherJsonIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"editor.fontSize\": 12}");
        var e = assertThrows(IllegalArgumentException.class, () -> ClientConfigs.read(file));
        assertEquals("settings.json: expected {\"mcpServers\": {...}} (Claude Desktop, Cursor) or {\"servers\": {...}} (VS Code)",
                e.getMessage());
    }

    @Test
    void serverWithNeitherCommandNorUrlIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("mcp.json"), "{\"mcpServers\": {\"odd\": {\"args\": []}}}");
        var e = assertThrows(IllegalArgumentException.class, () -> ClientConfigs.read(file));
        assertEquals("mcp.json server 'odd': expected \"command\" (stdio) or \"url\" (HTTP)", e.getMessage());
    }
}
