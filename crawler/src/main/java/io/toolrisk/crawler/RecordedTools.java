package io.toolrisk.crawler;

import io.toolrisk.catalogue.ServerInfo;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.json.ToolInput;
import io.toolrisk.catalogue.json.ToolReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A server's tools read from a recorded {@code tools/list} result, tool array or JSON Lines file. */
final class RecordedTools {
    private RecordedTools() {
    }

    static CrawlResult read(ServerRef ref, Path path, CrawlLimits limits) {
        List<Tool> tools = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (InputStream in = Files.newInputStream(path)) {
            new ToolReader(limits.maxMessageBytes()).read(in, entry -> {
                switch (entry) {
                    case ToolInput.Parsed parsed -> {
                        if (names.add(parsed.tool().name())) tools.add(parsed.tool());
                        else warnings.add("skipped the tool on line %d: duplicate name '%s'"
                                .formatted(parsed.line(), parsed.tool().name()));
                    }
                    case ToolInput.Rejected rejected ->
                            warnings.add("skipped the tool on line %d: %s".formatted(rejected.line(), rejected.error()));
                }
            });
        } catch (NoSuchFileException e) {
            return new CrawlResult.Failed(ref, CrawlResult.Stage.READ, "no such file: " + path, "");
        } catch (IOException e) {
            return new CrawlResult.Failed(ref, CrawlResult.Stage.READ, "cannot read %s: %s".formatted(path, e.getMessage()), "");
        }
        if (tools.size() > limits.maxTools())
            return new CrawlResult.Failed(ref, CrawlResult.Stage.READ,
                    "%s lists more than %,d tools".formatted(path, limits.maxTools()), "");
        var info = new ServerInfo(ref.id(), Optional.empty(), "", "", null, Optional.empty());
        return new CrawlResult.Crawled(ref, info, tools, warnings);
    }
}
