package io.toolrisk.crawler.discovery;

import java.util.List;

/** Servers to crawl, and what could not be turned into one (one sentence each, for the refresh log). */
public record ServerList(List<ServerEntry> servers, List<String> problems) {
    public ServerList {
        servers = List.copyOf(servers);
        problems = List.copyOf(problems);
    }
}
