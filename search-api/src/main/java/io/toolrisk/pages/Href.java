package io.toolrisk.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A URL a page may link to: a path of our own (built from percent-encoded parts) or an outside URL whose scheme is
 * http, https or mailto. Nothing else can be made, so a {@code javascript:} or {@code data:} link from a description
 * cannot reach a page.
 */
final class Href {
    /** A path of this site: one slash (not two, which would name another host), then URL characters only. */
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~%/?&=+,;:@!$*()'#]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private final String value;
    private final boolean external;

    private Href(String value, boolean external) {
        this.value = value;
        this.external = external;
    }

    /** A path of this site, e.g. {@code /servers/github?page=2}, made of percent-encoded parts. */
    static Href local(String path) {
        if (!LOCAL.matcher(path).matches())
            throw new IllegalArgumentException("'%s' is not a path of this site with its parts percent-encoded".formatted(path));
        return new Href(path, false);
    }

    /** A place on the same page: {@code #id}, for an id the page itself gave (letters, digits, '-' and '_'). */
    static Href onThisPage(String id) {
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("'%s' is not an id of this page".formatted(id));
        return new Href("#" + id, false);
    }

    /** {@code url} when it is an absolute http, https or mailto URL; empty for anything else. */
    static Optional<Href> external(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !SAFE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) return Optional.empty();
            if (!scheme.equalsIgnoreCase("mailto") && (uri.getHost() == null || uri.getHost().isEmpty())) return Optional.empty();
            return Optional.of(new Href(uri.toASCIIString(), true));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    String value() {
        return value;
    }

    boolean external() {
        return external;
    }

    @Override
    public String toString() {
        return value;
    }
}
