package io.toolrisk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.toolrisk.catalogue.json.Json;

import java.io.UncheckedIOException;

/** The one error shape of the API: {@code {"error": "...", "status": N}}. */
final class ApiError {
    private ApiError() {
    }

    static void send(Context ctx, int status, String message) {
        ctx.status(status).contentType(JsonBody.JSON).result(body(status, message));
    }

    /** The error as JSON bytes, for the app and for the errors Jetty answers before it ({@link JettyErrors}). */
    static byte[] body(int status, String message) {
        try {
            return Json.MAPPER.writeValueAsBytes(Json.MAPPER.createObjectNode().put("error", message).put("status", status));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
    }
}
