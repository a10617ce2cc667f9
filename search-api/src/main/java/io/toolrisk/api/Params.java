package io.toolrisk.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.toolrisk.catalogue.ServerRecord;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads query parameters, answering 400 with a message that names the parameter and the bad value. Repeatable
 * parameters take several values either way: {@code category=read&category=write} or {@code category=read,write}.
 */
final class Params {
    private Params() {
    }

    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    static Optional<String> optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return defaultValue;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // answered below, with the accepted range
        }
        throw new BadRequestResponse("%s must be a whole number from %d to %d, got '%s'".formatted(name, min, max, value));
    }

    /** All values of a repeatable parameter, each parsed by {@code parse}, whose exceptions name the parameter. */
    static <T> Set<T> values(Context ctx, String name, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) {
                String value = part.strip();
                if (value.isEmpty()) continue;
                try {
                    values.add(parse.apply(value));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestResponse(e.getMessage());
                }
            }
        }
        return values;
    }

    static <T> T one(Context ctx, String name, T defaultValue, Function<String, T> parse) {
        Optional<String> value = optional(ctx, name);
        if (value.isEmpty()) return defaultValue;
        try {
            return parse.apply(value.get());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /** A server key as a filter value: {@code server 'X' is not a catalogue key} otherwise. */
    static String serverKey(String value) {
        if (!ServerRecord.ID.matcher(value).matches())
            throw new IllegalArgumentException("server '%s' is not a catalogue key (lower-case letters, digits, '.', '_', '-')"
                    .formatted(value));
        return value;
    }
}
