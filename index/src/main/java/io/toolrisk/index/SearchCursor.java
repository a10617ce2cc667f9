package io.toolrisk.index;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of search results ended, for {@code search_after} deep paging: the sort values of the last hit
 * (score, {@link RiskRank}, tool id — the id makes the order total). Opaque to clients: a URL-safe base64 token.
 * A cursor stays meaningful across index switches because it holds values, not document numbers.
 */
public record SearchCursor(ToolQuery.Order order, float score, int rank, String id) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public SearchCursor {
        if (order == null || id == null) throw new IllegalArgumentException("a cursor needs an order and an id");
    }

    /** The token a client sends back as {@code cursor}. */
    public String encode() {
        String plain = "%s:%s:%d:%s".formatted(order == ToolQuery.Order.RELEVANCE ? "r" : "s",
                Integer.toHexString(Float.floatToIntBits(score)), rank, id);
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #encode()}.
     *
     * @throws IllegalArgumentException when {@code token} is not one
     */
    public static SearchCursor decode(String token) {
        try {
            String plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 4);
            if (parts.length != 4) throw new IllegalArgumentException("wrong number of parts");
            ToolQuery.Order order = switch (parts[0]) {
                case "r" -> ToolQuery.Order.RELEVANCE;
                case "s" -> ToolQuery.Order.SEVERITY;
                default -> throw new IllegalArgumentException("unknown order");
            };
            float score = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
            int rank = Integer.parseInt(parts[2]);
            return new SearchCursor(order, score, rank, parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '%s' is not a cursor this API returned".formatted(token), e);
        }
    }

    /**
     * The cursor after {@code last}, a hit of a search sorted by {@code order}, or in index order when the
     * search had no text ({@code scored} false: the fields are then rank and id).
     */
    static SearchCursor after(ToolQuery.Order order, FieldDoc last, boolean scored) {
        Object[] f = last.fields;
        if (!scored) return new SearchCursor(order, 0f, ((Number) f[0]).intValue(), ((BytesRef) f[1]).utf8ToString());
        return switch (order) {
            case RELEVANCE -> new SearchCursor(order, (Float) f[0], ((Number) f[1]).intValue(), ((BytesRef) f[2]).utf8ToString());
            case SEVERITY -> new SearchCursor(order, (Float) f[1], ((Number) f[0]).intValue(), ((BytesRef) f[2]).utf8ToString());
        };
    }

    /** The Lucene search-after position; its doc number excludes nothing, the id already orders every tie. */
    FieldDoc fieldDoc(boolean scored) {
        BytesRef idBytes = new BytesRef(id);
        if (!scored) return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {rank, idBytes});
        Object[] fields = switch (order) {
            case RELEVANCE -> new Object[] {score, rank, idBytes};
            case SEVERITY -> new Object[] {rank, score, idBytes};
        };
        return new FieldDoc(Integer.MAX_VALUE, score, fields);
    }
}
