package io.toolrisk.index;

import java.util.List;

/** One page of servers: the total, and the summary JSON (UTF-8 bytes of an object) of each server on the page. */
public record ServerHits(long total, List<byte[]> items) {
    public ServerHits {
        items = List.copyOf(items);
    }
}
