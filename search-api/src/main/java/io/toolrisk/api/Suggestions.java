package io.toolrisk.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.index.ToolQuery;
import io.toolrisk.index.ToolSearcher;
import io.toolrisk.pages.ErrorPage;
import io.toolrisk.pages.Nearest;
import io.toolrisk.pages.ServerRow;
import io.toolrisk.pages.ToolSegment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page not found offers instead, from the path asked for: the server ids nearest to its server part, the
 * tool names of that server nearest to its tool part (both by edit distance, {@link Nearest}), and tools a search
 * for what was typed finds, the nearest names first.
 */
final class Suggestions {
    private static final int SERVERS_SHOWN = 5;
    private static final int TOOLS_SHOWN = 5;
    /** Tools a search brings to be ranked by name. */
    private static final int SEARCHED = 20;
    /** What was typed, as far as it is offered as a search. */
    private static final int MAX_SEARCH_TEXT = 100;

    private final ToolSearcher searcher;
    private final List<ServerRow> servers;

    Suggestions(ToolSearcher searcher, List<ServerRow> servers) {
        this.searcher = searcher;
        this.servers = servers;
    }

    /** The suggestions for {@code path} (as requested, percent-encoded). */
    ErrorPage.Suggestions forPath(String path) throws IOException {
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) if (!part.isEmpty()) segments.add(decoded(part));
        if (segments.isEmpty()) return ErrorPage.Suggestions.NONE;
        boolean serverPath = segments.getFirst().equals("servers") && segments.size() >= 2;
        if (serverPath && segments.size() >= 4 && segments.get(2).equals("tools")) {
            String server = segments.get(1);
            String tool = ToolSegment.decode(segments.get(3)).orElse(segments.get(3));
            if (searcher.findServer(server).isPresent()) {
                List<ErrorPage.ToolName> near = Nearest.names(tool, toolNames(server), TOOLS_SHOWN).stream()
                        .map(name -> new ErrorPage.ToolName(server, name)).toList();
                return new ErrorPage.Suggestions(List.of(), near.isEmpty() ? searched(tool) : near, searchText(tool));
            }
            return new ErrorPage.Suggestions(nearServers(server), searched(tool), searchText(tool));
        }
        String typed = serverPath ? segments.get(1) : segments.getLast();
        return new ErrorPage.Suggestions(nearServers(typed), searched(typed), searchText(typed));
    }

    private List<String> nearServers(String typed) {
        return Nearest.names(typed, servers.stream().map(ServerRow::id).toList(), SERVERS_SHOWN);
    }

    private List<String> toolNames(String server) throws IOException {
        List<String> names = new ArrayList<>();
        for (byte[] item : searcher.serverTools(server, 1, Integer.MAX_VALUE).items()) names.add(toolName(item));
        return names;
    }

    /** The {@code tool} of a listing item, read up to that field only: a server may have 10,000 of them. */
    private static String toolName(byte[] item) throws IOException {
        try (JsonParser json = Json.FACTORY.createParser(item)) {
            if (json.nextToken() != JsonToken.START_OBJECT) return "";
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("tool")) return json.getText();
                json.skipChildren();
            }
            return "";
        }
    }

    /** Tools a search for {@code typed} finds, nearest names first; none when it cannot be searched. */
    private List<ErrorPage.ToolName> searched(String typed) throws IOException {
        String text = searchText(typed);
        if (text.isBlank()) return List.of();
        Map<String, ErrorPage.ToolName> byName = new LinkedHashMap<>();
        try {
            for (byte[] item : searcher.search(ToolQuery.text(text).withPage(1, SEARCHED)).items()) {
                JsonNode hit = Json.MAPPER.readTree(item);
                byName.putIfAbsent(hit.path("tool").asText(), new ErrorPage.ToolName(hit.path("server").asText(), hit.path("tool").asText()));
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<ErrorPage.ToolName> ranked = new ArrayList<>();
        for (String name : Nearest.names(typed, byName.keySet(), TOOLS_SHOWN)) ranked.add(byName.get(name));
        for (ErrorPage.ToolName hit : byName.values()) {
            if (ranked.size() >= TOOLS_SHOWN) break;
            if (!ranked.contains(hit)) ranked.add(hit);
        }
        return ranked;
    }

    private static String searchText(String typed) {
        String text = typed.length() > MAX_SEARCH_TEXT ? typed.substring(0, MAX_SEARCH_TEXT) : typed;
        return text.strip();
    }

    /** A path segment percent-decoded as UTF-8 ({@code +} stays a plus); as it is when it is not well encoded. */
    private static String decoded(String segment) {
        var bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()
                    && Character.digit(segment.charAt(i + 1), 16) >= 0 && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(segment.charAt(i + 1), 16) * 16 + Character.digit(segment.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return segment;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
