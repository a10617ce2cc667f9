package io.toolrisk.api;

import io.javalin.http.Context;
import io.toolrisk.catalogue.ChangeSet;
import io.toolrisk.catalogue.store.ChangeSetJson;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/changes?page=&size=&server=&tools=}: what changed in each refresh, newest first, paged by
 * change set. Each item is the change set as {@link ChangeSetJson} writes it, with at most {@code tools}
 * (default 1,000) tool changes listed and {@code toolsTotal} saying how many tools were added, removed or changed in
 * all, those of the servers added or removed included (which are counted, not listed); {@code server} narrows every
 * set to one server and drops the sets that do not concern it.
 */
final class ChangesApi {
    static final int MAX_TOOLS_PER_SET = 10_000;

    private final LiveIndex view;
    private final ChangeLog log;

    ChangesApi(LiveIndex view, ChangeLog log) {
        this.view = view;
        this.log = log;
    }

    void changes(Context ctx) throws IOException {
        int size = Params.integer(ctx, "size", 10, 1, 100);
        int page = Params.integer(ctx, "page", 1, 1, 10_000);
        int toolLimit = Params.integer(ctx, "tools", 1_000, 0, MAX_TOOLS_PER_SET);
        Optional<String> server = Params.optional(ctx, "server").map(s -> Params.one(ctx, "server", s, Params::serverKey));
        if (Etags.notModified(ctx, view)) return;
        List<ChangeSet> sets = log.recent(server, (page - 1) * size, size + 1);
        boolean more = sets.size() > size;
        List<ChangeSet> shown = more ? sets.subList(0, size) : sets;
        JsonBody.send(ctx, json -> {
            json.writeStartObject();
            json.writeNumberField("page", page);
            json.writeNumberField("size", size);
            json.writeBooleanField("more", more);
            json.writeArrayFieldStart("items");
            for (ChangeSet set : shown) ChangeSetJson.writeListed(json, set, toolLimit);
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
