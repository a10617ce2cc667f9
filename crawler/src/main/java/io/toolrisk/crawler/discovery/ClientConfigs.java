package io.toolrisk.crawler.discovery;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the MCP servers an MCP client is configured with: Claude Desktop's
 * {@code claude_desktop_config.json} and Cursor's {@code mcp.json} ({@code {"mcpServers": {name: {...}}}}), and
 * VS Code's {@code mcp.json} ({@code {"servers": {name: {"type": ...}}}}, also inside settings as
 * {@code "mcp": {"servers": ...}}). Comments and trailing commas are allowed, as VS Code writes them.
 * Values are kept as written, literal secrets included: do not write the entries out. VS Code's
 * {@code ${env:NAME}} and {@code ${input:name}} become {@code ${NAME}} placeholders, filled from toolrisk's
 * environment at crawl time.
 */
public final class ClientConfigs {
    private static final Pattern VSCODE_VARIABLE = Pattern.compile("\\$\\{(?:env|input):([^}]+)}");

    private ClientConfigs() {
    }

    /**
     * The servers configured in {@code file}, ids made from their names.
     *
     * @throws IOException              when the file cannot be read or is not JSON
     * @throws IllegalArgumentException when it is not a client config; the message says what was expected
     */
    public static List<ServerEntry> read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            JsonNode root = Json.MAPPER.reader()
                    .with(JsonReadFeature.ALLOW_JAVA_COMMENTS).with(JsonReadFeature.ALLOW_TRAILING_COMMA)
                    .readTree(in);
            return parse(root, file.getFileName().toString());
        }
    }

    static List<ServerEntry> parse(JsonNode root, String name) {
        JsonNode servers = root == null ? null : root.get("mcpServers");
        if (servers == null && root != null) servers = root.has("servers") ? root.get("servers") : root.path("mcp").get("servers");
        if (servers == null || !servers.isObject())
            throw new IllegalArgumentException("%s: expected {\"mcpServers\": {...}} (Claude Desktop, Cursor) or {\"servers\": {...}} (VS Code)"
                    .formatted(name));
        List<ServerEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> server : servers.properties()) {
            String where = "%s server '%s'".formatted(name, server.getKey());
            JsonNode node = server.getValue();
            if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object");
            if (node.path("disabled").asBoolean(false)) continue;
            String id = ServerIds.fromName(server.getKey());
            for (int n = 2; !ids.add(id); n++) id = ServerIds.fromName(server.getKey()) + "-" + n;
            entries.add(entry(id, node, where));
        }
        return entries;
    }

    private static ServerEntry entry(String id, JsonNode node, String where) {
        var fields = new JsonFields(node, where);
        String type = fields.optionalText("type").orElse("");
        Optional<String> url = fields.optionalText("url").or(() -> fields.optionalText("serverUrl"));
        if (node.has("command") && !type.equals("http") && !type.equals("sse")) {
            return ServerEntry.Stdio.of(id, placeholders(fields.text("command")),
                    fields.texts("args").stream().map(ClientConfigs::placeholders).toList(),
                    placeholders(fields.textMap("env")));
        }
        if (url.isPresent())
            return new ServerEntry.Http(id, placeholders(url.get()), placeholders(fields.textMap("headers")), Optional.empty());
        throw new IllegalArgumentException(where + ": expected \"command\" (stdio) or \"url\" (HTTP)");
    }

    private static Map<String, String> placeholders(Map<String, String> values) {
        var out = new LinkedHashMap<String, String>();
        values.forEach((k, v) -> out.put(k, placeholders(v)));
        return out;
    }

    /** VS Code's {@code ${env:X}} and {@code ${input:x-y}} as toolrisk's {@code ${X}} and {@code ${x_y}}. */
    static String placeholders(String value) {
        Matcher m = VSCODE_VARIABLE.matcher(value);
        var out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1).replaceAll("[^A-Za-z0-9_]", "_");
            if (Character.isDigit(variable.charAt(0))) variable = "_" + variable;
            m.appendReplacement(out, Matcher.quoteReplacement("${" + variable + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
