package io.toolrisk.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.toolrisk.catalogue.Sha256;
import io.toolrisk.index.LiveIndex;

/**
 * Entity tags for catalogue responses. A response depends only on the snapshot served, the status message and
 * the request (path and query), so the tag is a hash of those, known before any work is done: a client that
 * already has it gets a 304 without a search. Weak, because gzip changes the bytes but not the meaning.
 */
final class Etags {
    private Etags() {
    }

    /** Sets the ETag of this response; true (with status 304 set) when the client already has it. */
    static boolean notModified(Context ctx, LiveIndex view) {
        String key = view.snapshotId().orElse("-") + "\n" + view.status().orElse("") + "\n"
                + ctx.method() + " " + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString());
        String etag = "W/\"" + hash(key) + "\"";
        ctx.header(Header.ETAG, etag);
        ctx.header(Header.CACHE_CONTROL, "no-cache");
        String sent = ctx.header(Header.IF_NONE_MATCH);
        if (sent != null && (sent.equals(etag) || sent.contains(etag))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return true;
        }
        return false;
    }

    private static String hash(String key) {
        return Sha256.hex(key, 12);
    }
}
