package io.toolrisk.mcpserver;

import java.util.Locale;

/**
 * How a POST's answer may be sent, from its {@code Accept} header. The spec has clients list both JSON and an event
 * stream; JSON is sent whenever it is accepted (no {@code Accept} at all accepts everything), an event stream when only
 * that is. A media range with {@code q=0} is one the client refuses.
 */
enum Accepted {
    JSON, EVENT_STREAM, NEITHER;

    static Accepted of(String header) {
        if (header == null || header.isBlank()) return JSON;
        boolean eventStream = false;
        for (String range : header.split(",")) {
            String[] parts = range.split(";");
            if (refused(parts)) continue;
            switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
                case "application/json", "application/*", "*/*" -> {
                    return JSON;
                }
                case "text/event-stream", "text/*" -> eventStream = true;
                default -> { }
            }
        }
        return eventStream ? EVENT_STREAM : NEITHER;
    }

    /** True when the range's parameters hold {@code q=0} (or 0.0, 0.000). */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) return parameter.substring(2).strip().matches("0(\\.0{0,3})?");
        }
        return false;
    }
}
