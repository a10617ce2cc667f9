package io.toolrisk.api;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Severity;
import io.toolrisk.index.SearchCursor;
import io.toolrisk.index.ToolQuery;

import java.util.Locale;
import java.util.Optional;

/** Reads a {@link ToolQuery} from the query parameters the API and the search page share. */
final class ToolRequests {
    private ToolRequests() {
    }

    static ToolQuery query(Context ctx) {
        String text = Params.text(ctx, "q");
        var categories = Params.values(ctx, "category", Category::fromWireName);
        var severities = Params.values(ctx, "severity", Severity::fromWireName);
        var servers = Params.values(ctx, "server", Params::serverKey);
        var flags = Params.values(ctx, "flag", FlagKind::fromWireName);
        ToolQuery.Order order = Params.one(ctx, "sort", ToolQuery.Order.RELEVANCE, ToolRequests::order);
        int size = Params.integer(ctx, "size", ToolQuery.DEFAULT_SIZE, 1, ToolQuery.MAX_SIZE);
        int page = Params.integer(ctx, "page", 1, 1, ToolQuery.MAX_PAGED_HITS);
        Optional<SearchCursor> cursor = Optional.ofNullable(Params.one(ctx, "cursor", null, SearchCursor::decode));
        if (cursor.isPresent() && ctx.queryParam("page") != null)
            throw new BadRequestResponse("page and cursor exclude each other; send the cursor alone");
        try {
            return new ToolQuery(text, categories, severities, servers, flags, order, page, size, cursor);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    private static ToolQuery.Order order(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "relevance" -> ToolQuery.Order.RELEVANCE;
            case "severity" -> ToolQuery.Order.SEVERITY;
            default -> throw new IllegalArgumentException("unknown sort '%s' (expected relevance or severity)".formatted(value));
        };
    }
}
