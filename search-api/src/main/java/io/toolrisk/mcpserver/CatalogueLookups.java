package io.toolrisk.mcpserver;

import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.index.ToolSearcher;

import java.io.IOException;

/** What several tools look up the same way, with the HTTP API's messages for what is not there. */
final class CatalogueLookups {
    private CatalogueLookups() {
    }

    /** {@code value} when it is a catalogue key. */
    static String serverKey(String value) {
        if (!ServerRecord.ID.matcher(value).matches())
            throw new ToolError("server '%s' is not a catalogue key (lower-case letters, digits, '.', '_', '-')"
                    .formatted(Arguments.clip(value)));
        return value;
    }

    /** The index that holds {@code server}. */
    static ToolSearcher searcherWith(LiveIndex view, LiveIndex.Lease lease, String server) throws IOException {
        if (lease.searcher().isEmpty())
            throw new ToolError("no server '%s' in the catalogue (the catalogue is empty%s)".formatted(server,
                    view.status().map(s -> ": " + s).orElse("")));
        ToolSearcher searcher = lease.searcher().get();
        if (searcher.findServer(server).isEmpty()) throw new ToolError("no server '%s' in the catalogue".formatted(server));
        return searcher;
    }
}
