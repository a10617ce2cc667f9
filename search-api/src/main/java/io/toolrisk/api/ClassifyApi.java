package io.toolrisk.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.classifier.ServerContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * {@code POST /api/v1/classify}: profiles for posted tool definitions in any of the three input shapes
 * (DESIGN.md), one per input tool in input order. JSON Lines in → JSON Lines out ({@code application/x-ndjson});
 * otherwise a JSON array. An entry that cannot be read answers {@code {"error","line"}} in its place; a body
 * none of whose entries can be read is a 400. The body size limit (413 beyond it) is enforced before the
 * request gets here ({@link RequestBodies}).
 */
final class ClassifyApi {
    static final String NDJSON = "application/x-ndjson";

    private final Classifier classifier;

    ClassifyApi(Classifier classifier) {
        this.classifier = classifier;
    }

    void classify(Context ctx) throws IOException {
        // The body is whole in memory by now, within the limit (RequestBodies); reading it does not wait.
        byte[] body = ctx.bodyAsBytes();
        if (isBlank(body))
            throw new BadRequestResponse("the request body is empty; send a tools/list result, a JSON array of tools or JSON Lines");
        List<ToolInput> entries = new ArrayList<>();
        ToolReader.Shape shape = new ToolReader().read(new ByteArrayInputStream(body), entries::add);
        if (!entries.isEmpty() && entries.stream().allMatch(e -> e instanceof ToolInput.Rejected)) {
            var first = (ToolInput.Rejected) entries.getFirst();
            throw new BadRequestResponse("no tool could be read: line %d: %s".formatted(first.line(), first.error()));
        }
        var out = new ByteArrayOutputStream(1024 + body.length / 4);
        boolean lines = shape == ToolReader.Shape.JSON_LINES;
        // A tools/list result is one server's tools: each is judged with the others as its siblings. An array or
        // JSON Lines may hold tools from anywhere: each is judged alone.
        Map<Optional<String>, ServerContext> siblings = shape == ToolReader.Shape.TOOLS_LIST
                ? ServerContext.byServer(entries.stream().filter(e -> e instanceof ToolInput.Parsed)
                        .map(e -> ((ToolInput.Parsed) e).tool()).toList())
                : Map.of();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            if (!lines) json.writeStartArray();
            for (ToolInput entry : entries) {
                switch (entry) {
                    case ToolInput.Parsed p -> ProfileJson.write(json,
                            classifier.classify(p.tool(), siblings.getOrDefault(p.tool().server(), ServerContext.ALONE)));
                    case ToolInput.Rejected r -> ProfileJson.writeError(json, r.error(), r.line());
                }
                if (lines) json.writeRaw('\n');
            }
            if (!lines) json.writeEndArray();
        }
        ctx.contentType(lines ? NDJSON : JsonBody.JSON).result(out.toByteArray());
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
        return true;
    }
}
