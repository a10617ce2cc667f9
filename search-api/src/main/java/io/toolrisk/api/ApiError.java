package io.toolrisk.api;

import io.javalin.http.Context;

import java.io.IOException;

/** The one error shape of the API: {@code {"error": "...", "status": N}}. */
final class ApiError {
    private ApiError() {
    }

    static void send(Context ctx, int status, String message) {
        try {
            ctx.status(status);
            JsonBody.send(ctx, json -> {
                json.writeStartObject();
                json.writeStringField("error", message);
                json.writeNumberField("status", status);
                json.writeEndObject();
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot happen: writing to memory", e);
        }
    }
}
