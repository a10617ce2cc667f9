package io.toolrisk.crawler.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Benchmark fixture, not a test: one process serving many Streamable HTTP MCP servers on loopback, at
 * {@code /s/N/mcp}, each answering its requests after a fixed delay (50 ms). Run by {@code bench/crawler.sh}.
 * <p>{@code java ... SimulatedMcpServers PORT [DELAY_MS]}; stops when killed.
 */
public final class SimulatedMcpServers {
    private static final String TOOLS = """
            [{"name":"search_items","description":"Searches the items.","inputSchema":{"type":"object","properties":{"q":{"type":"string"}}},"annotations":{"readOnlyHint":true}},
             {"name":"get_item","description":"Reads one item.","inputSchema":{"type":"object","properties":{"id":{"type":"string"}}},"annotations":{"readOnlyHint":true}},
             {"name":"create_item","description":"Creates an item.","inputSchema":{"type":"object","properties":{"name":{"type":"string"}}}},
             {"name":"update_item","description":"Updates an item.","inputSchema":{"type":"object","properties":{"id":{"type":"string"}}}},
             {"name":"delete_item","description":"Deletes an item. Cannot be undone.","inputSchema":{"type":"object","properties":{"id":{"type":"string"}}},"annotations":{"destructiveHint":true}}]""";

    private SimulatedMcpServers() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 50;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/s/", exchange -> {
            try (exchange) {
                answer(exchange, delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        System.out.println("serving on http://127.0.0.1:" + port + "/s/N/mcp, " + delayMillis + " ms per answer");
    }

    private static void answer(HttpExchange exchange, long delayMillis) throws IOException, InterruptedException {
        String server = exchange.getRequestURI().getPath().split("/")[2];
        if (exchange.getRequestMethod().equals("DELETE")) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        JsonNode message = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        if (!message.has("id")) {
            exchange.sendResponseHeaders(202, -1);
            return;
        }
        Thread.sleep(delayMillis);
        String result = switch (message.path("method").asText()) {
            case "initialize" -> """
                    {"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"sim-%s","version":"1.0.0"}}"""
                    .formatted(server);
            case "tools/list" -> "{\"tools\":" + TOOLS + "}";
            default -> "{}";
        };
        byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":%s,\"result\":%s}".formatted(message.get("id"), result)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (message.path("method").asText().equals("initialize"))
            exchange.getResponseHeaders().set("Mcp-Session-Id", "session-" + server);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
