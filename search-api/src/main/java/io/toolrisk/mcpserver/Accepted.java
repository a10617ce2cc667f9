package io.toolrisk.mcpserver;

import java.util.Locale;

/**
 * How a POST's answer may be sent, from its {@code Accept} header. The spec has clients list both JSON and an event
 * stream; JSON is sent whenever it is accepted (no {@code Accept} at all accepts everything), an event stream when only
 * that is.
 */
enum Accepted {
    JSON, EVENT_STREAM, NEITHER;

    static Accepted of(String header) {
        if (header == null || header.isBlank()) return JSON;
        boolean eventStream = false;
        for (String range : header.split(",")) {
            int semicolon = range.indexOf(';');
            String type = (semicolon < 0 ? range : range.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            if (semicolon >= 0 && range.substring(semicolon).replace(" ", "").contains(";q=0") && !range.contains("q=0."))
                continue; // q=0: not acceptable
            switch (type) {
                case "application/json", "application/*", "*/*" -> {
                    return JSON;
                }
                case "text/event-stream", "text/*" -> eventStream = true;
                default -> { }
            }
        }
        return eventStream ? EVENT_STREAM : NEITHER;
    }
}
