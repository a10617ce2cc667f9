package io.toolrisk.crawler.discovery;

import io.toolrisk.catalogue.ServerRecord;

import java.util.Locale;
import java.util.regex.Pattern;

/** Catalogue server keys: lower-case {@code [a-z0-9._-]}, at most 128 characters (as catalogue ServerRecord) (DESIGN.md, servers.json). */
public final class ServerIds {
    private static final Pattern VALID = ServerRecord.ID;
    /** What {@link #isValid} asks of an id, in words for error messages. */
    static final String RULE = "1 to 128 characters of lower-case a-z, 0-9, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern INVALID_RUN = Pattern.compile("[^a-z0-9._-]+");

    private ServerIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /**
     * @throws IllegalArgumentException quoting {@code id} when it is not a valid server id
     */
    public static String requireValid(String id) {
        if (!isValid(id))
            throw new IllegalArgumentException("server id '%s' must be %s".formatted(id, RULE));
        return id;
    }

    /**
     * A valid id made from any name: lower-cased, {@code /} as {@code __} (so {@code @scope/name} and
     * {@code io.github.user/server} stay readable), other characters as {@code -}.
     */
    public static String fromName(String name) {
        String id = name.toLowerCase(Locale.ROOT).replace("@", "").replace("/", "__");
        id = INVALID_RUN.matcher(id).replaceAll("-");
        id = id.replaceAll("^[-._]+|-+$", "");
        if (id.length() > 128) id = id.substring(0, 128);
        return id.isEmpty() ? "server" : id;
    }
}
