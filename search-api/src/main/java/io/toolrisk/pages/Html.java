package io.toolrisk.pages;

import java.nio.charset.StandardCharsets;

/** The URLs of the pages and the API: paths built from percent-encoded parts. */
public final class Html {
    private Html() {
    }

    /**
     * {@code value} percent-encoded as one URL path segment or query value: everything but unreserved characters,
     * and the dots of a segment that is {@code .} or {@code ..}, which a browser would otherwise resolve away.
     */
    public static String urlPart(String value) {
        if (value.equals(".") || value.equals("..")) return "%2E".repeat(value.length());
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** The page of one tool; its name as {@link ToolSegment} writes it. */
    public static String toolPath(String server, String tool) {
        return "/servers/" + urlPart(server) + "/tools/" + urlPart(ToolSegment.encode(tool));
    }

    /** The API URL of one tool's profile; its name as {@link ToolSegment} writes it. */
    public static String toolApiPath(String server, String tool) {
        return "/api/v1" + toolPath(server, tool);
    }

    /** The page of one server. */
    public static String serverPath(String server) {
        return "/servers/" + urlPart(server);
    }
}
