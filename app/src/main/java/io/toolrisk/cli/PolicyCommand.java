package io.toolrisk.cli;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.catalogue.store.SnapshotReader;
import io.toolrisk.index.ToolSearcher;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import io.toolrisk.policy.ServerPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code toolrisk policy SERVER}: the default policy for one server's tools, from the current snapshot of the
 * catalogue (its index when built, else the snapshot itself), printed to stdout.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Print the recommended default policy for one server of the catalogue.")
final class PolicyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SERVER", description = "The server's catalogue key, e.g. github.")
    String server;

    @Option(names = "--catalogue", defaultValue = "${sys:toolrisk.home:-.}/data/catalogue", paramLabel = "DIR",
            description = "The catalogue directory (default: ${DEFAULT-VALUE}).")
    Path catalogue;

    @Option(names = "--format", defaultValue = "policylayer", paramLabel = "FORMAT",
            description = "One of ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
    PolicyFormat format;

    @Option(names = "--profile", defaultValue = "recommended", paramLabel = "PROFILE",
            description = "recommended, strict or permissive; default ${DEFAULT-VALUE}.")
    PolicyProfile profile;

    @Override
    public Integer call() throws IOException {
        var store = new CatalogueStore(catalogue);
        String snapshot = store.currentId().orElseThrow(() -> CommandFailure.input(
                "no catalogue at %s yet; run './toolrisk refresh' first (or pass --catalogue DIR)".formatted(store.dir())));
        Optional<ServerTools> tools = Files.isDirectory(store.indexDir(snapshot))
                ? fromIndex(store.indexDir(snapshot)) : fromSnapshot(store, snapshot);
        if (tools.isEmpty())
            throw CommandFailure.input("no server '%s' in snapshot %s of %s".formatted(server, snapshot, store.dir()));
        String text = format.template().render(ServerPolicy.of(server, tools.get().ruleset(), tools.get().profiles(), profile));
        var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        return 0;
    }

    private record ServerTools(String ruleset, List<RiskProfile> profiles) {
    }

    private Optional<ServerTools> fromIndex(Path indexDir) throws IOException {
        try (ToolSearcher searcher = ToolSearcher.open(indexDir)) {
            if (searcher.findServer(server).isEmpty()) return Optional.empty();
            List<RiskProfile> profiles = searcher.serverProfiles(server);
            return Optional.of(new ServerTools(searcher.info().ruleset(), profiles));
        }
    }

    private Optional<ServerTools> fromSnapshot(CatalogueStore store, String snapshot) throws IOException {
        try (SnapshotReader reader = store.openSnapshot(snapshot)) {
            for (ServerRecord record : reader) {
                if (record.id().equals(server)) {
                    return Optional.of(new ServerTools(reader.header().ruleset(),
                            record.tools().stream().map(CataloguedTool::profile).toList()));
                }
            }
        }
        return Optional.empty();
    }
}
