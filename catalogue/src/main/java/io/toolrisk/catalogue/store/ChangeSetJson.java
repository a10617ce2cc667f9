package io.toolrisk.catalogue.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.ToolChange;
import io.toolrisk.catalogue.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of a {@link ChangeSet}: {@code {"snapshot","previous"?,"createdAt","serversAdded","serversRemoved",
 * "serverTools":{server: count},"tools":[{"server","tool","change","before"?,"after"?,"possibleRugPull",
 * "detail"}]}}. The API serves it as is. {@code serverTools} counts the tools of each server added or removed (a file written before
 * it existed reads as none).
 */
public final class ChangeSetJson {
    private ChangeSetJson() {
    }

    public static void write(JsonGenerator out, ChangeSet changes) throws IOException {
        out.writeStartObject();
        writeFields(out, changes, changes.tools().size());
        out.writeEndObject();
    }

    /**
     * The change set as the changes feed lists it: its first {@code toolLimit} tool changes, then {@code toolsTotal}
     * (how many there are) and {@code possibleRugPulls} (how many of them are marked so).
     */
    public static void writeListed(JsonGenerator out, ChangeSet changes, int toolLimit) throws IOException {
        out.writeStartObject();
        writeFields(out, changes, toolLimit);
        out.writeNumberField("toolsTotal", changes.toolsTotal());
        out.writeNumberField("possibleRugPulls", changes.possibleRugPulls());
        out.writeEndObject();
    }

    private static void writeFields(JsonGenerator out, ChangeSet changes, int toolLimit) throws IOException {
        out.writeStringField("snapshot", changes.snapshot());
        if (changes.previous().isPresent()) out.writeStringField("previous", changes.previous().get());
        out.writeStringField("createdAt", changes.createdAt().toString());
        writeStrings(out, "serversAdded", changes.serversAdded());
        writeStrings(out, "serversRemoved", changes.serversRemoved());
        out.writeObjectFieldStart("serverTools");
        for (var count : changes.serverToolCounts().entrySet()) out.writeNumberField(count.getKey(), count.getValue());
        out.writeEndObject();
        out.writeArrayFieldStart("tools");
        for (ToolChange change : changes.tools().subList(0, Math.min(toolLimit, changes.tools().size()))) write(out, change);
        out.writeEndArray();
    }

    public static void write(JsonGenerator out, ToolChange change) throws IOException {
        out.writeStartObject();
        out.writeStringField("server", change.server());
        out.writeStringField("tool", change.tool());
        out.writeStringField("change", change.kind().wireName());
        if (change.before().isPresent()) out.writeStringField("before", change.before().get().wireName());
        if (change.after().isPresent()) out.writeStringField("after", change.after().get().wireName());
        out.writeBooleanField("possibleRugPull", change.possibleRugPull());
        out.writeStringField("detail", change.detail());
        out.writeEndObject();
    }

    private static void writeStrings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) out.writeString(value);
        out.writeEndArray();
    }

    public static ChangeSet read(JsonNode node) {
        List<ToolChange> tools = new ArrayList<>();
        for (JsonNode t : node.path("tools")) {
            tools.add(new ToolChange(t.path("server").asText(), t.path("tool").asText(),
                    ToolChange.Kind.fromWireName(t.path("change").asText()),
                    category(t, "before"), category(t, "after"),
                    t.path("possibleRugPull").asBoolean(), t.path("detail").asText()));
        }
        return new ChangeSet(node.path("snapshot").asText(),
                node.hasNonNull("previous") ? Optional.of(node.get("previous").asText()) : Optional.empty(),
                Instant.parse(node.path("createdAt").asText()),
                strings(node.path("serversAdded")), strings(node.path("serversRemoved")), tools, counts(node.path("serverTools")));
    }

    /** Writes {@code changes} to {@code file} atomically. */
    public static void writeFile(Path file, ChangeSet changes) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes)) {
            write(out, changes);
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public static ChangeSet readFile(Path file) throws IOException {
        return read(Json.MAPPER.readTree(file.toFile()));
    }

    private static Optional<Category> category(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(Category.fromWireName(node.get(field).asText())) : Optional.empty();
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
