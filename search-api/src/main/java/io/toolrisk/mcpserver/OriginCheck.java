package io.toolrisk.mcpserver;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check against DNS rebinding that the MCP spec asks of servers: a web page must not reach this server through a
 * browser. On a connection that arrived at a loopback address, the {@code Host} header must name loopback
 * ({@code localhost} or a loopback IP, any port) and an {@code Origin}, when the browser sends one, must be a loopback
 * origin. On other addresses a public name is expected, so only the {@code Origin} is checked: it must be this server
 * itself (same scheme-less host and port as {@code Host}). Clients that are not browsers send no {@code Origin}.
 */
final class OriginCheck {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    /** ::1 however written: groups of zeros, then a last group of 1. */
    private static final Pattern IPV6_LOOPBACK = Pattern.compile("(0{0,4}:){1,7}:?0{0,3}1");

    private OriginCheck() {
    }

    /** Why the request is refused, or empty when it may go on. */
    static Optional<String> refusal(String localAddress, String host, String origin) {
        boolean loopback = isLoopbackAddress(localAddress);
        if (loopback && (host == null || !isLoopbackName(hostName(host))))
            return Optional.of("Forbidden: Host '%s' is not a loopback name on a loopback address".formatted(host == null ? "" : Arguments.clip(host)));
        if (origin == null) return Optional.empty();
        Optional<URI> uri = parse(origin);
        if (uri.isEmpty() || uri.get().getHost() == null)
            return Optional.of("Forbidden: Origin '%s' is not a web origin".formatted(Arguments.clip(origin)));
        String originHost = uri.get().getHost();
        boolean allowed = loopback ? isLoopbackName(originHost) : host != null && authority(uri.get()).equalsIgnoreCase(host.strip());
        return allowed ? Optional.empty() : Optional.of("Forbidden: Origin '%s' may not call this server".formatted(Arguments.clip(origin)));
    }

    private static Optional<URI> parse(String origin) {
        try {
            return Optional.of(new URI(origin.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The host of a {@code Host} header: without its port, IPv6 in brackets kept. */
    static String hostName(String host) {
        String h = host.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    static boolean isLoopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("localhost") || n.endsWith(".localhost") || isLoopbackAddress(n);
    }

    /**
     * True for an IP literal of the loopback range (127.0.0.0/8, ::1, ::ffff:127.x.y.z), brackets allowed; false for
     * anything else. Parsed here, never given to {@code InetAddress}, which would look up a name that is no literal.
     */
    static boolean isLoopbackAddress(String address) {
        if (address == null) return false;
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        if (a.startsWith("::ffff:")) a = a.substring("::ffff:".length());
        if (IPV4.matcher(a).matches()) {
            String[] octets = a.split("\\.");
            for (String octet : octets) if (Integer.parseInt(octet) > 255) return false;
            return octets[0].equals("127");
        }
        return IPV6_LOOPBACK.matcher(a).matches();
    }
}
