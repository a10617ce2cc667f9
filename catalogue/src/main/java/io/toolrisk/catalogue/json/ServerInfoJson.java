package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ServerInfo;

import java.io.IOException;
import java.util.Optional;

/** Reads and writes {@link ServerInfo} as {@code {"name","title"?,"version","protocolVersion","capabilities","instructions"?}}. */
public final class ServerInfoJson {
    private ServerInfoJson() {
    }

    public static void write(JsonGenerator out, ServerInfo info) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", info.name());
        if (info.title().isPresent()) out.writeStringField("title", info.title().get());
        out.writeStringField("version", info.version());
        out.writeStringField("protocolVersion", info.protocolVersion());
        out.writeFieldName("capabilities");
        Json.MAPPER.writeTree(out, info.capabilities());
        if (info.instructions().isPresent()) out.writeStringField("instructions", info.instructions().get());
        out.writeEndObject();
    }

    public static ServerInfo read(JsonNode node) {
        return new ServerInfo(
                node.path("name").asText(""),
                text(node, "title"),
                node.path("version").asText(""),
                node.path("protocolVersion").asText(""),
                node.path("capabilities").isObject() ? node.get("capabilities") : null,
                text(node, "instructions"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
