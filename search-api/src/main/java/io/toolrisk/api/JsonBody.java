package io.toolrisk.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.toolrisk.catalogue.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a JSON response with a streaming generator, so stored JSON from the index can go out as it is. */
final class JsonBody {
    static final String JSON = "application/json";

    /** What writes the body. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonBody() {
    }

    static void send(Context ctx, Writer writer) throws IOException {
        var bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = Json.FACTORY.createGenerator(bytes)) {
            writer.write(json);
        }
        ctx.contentType(JSON).result(bytes.toByteArray());
    }

    /** Writes stored UTF-8 JSON as the next value. */
    static void raw(JsonGenerator json, byte[] value) throws IOException {
        json.writeRawValue(new String(value, StandardCharsets.UTF_8));
    }
}
