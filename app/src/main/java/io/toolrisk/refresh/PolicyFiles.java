package io.toolrisk.refresh;

import io.toolrisk.catalogue.CataloguedTool;
import io.toolrisk.catalogue.CrawlStatus;
import io.toolrisk.catalogue.ServerRecord;
import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import io.toolrisk.policy.ServerPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every server's recommended policy in every format into {@code policies.next/} while a refresh assembles
 * its snapshot, and swaps it for {@code policies/} once the snapshot is live. A refresh that dies first leaves
 * {@code policies.next/} behind, which the next one clears.
 */
final class PolicyFiles {
    private final CatalogueStore store;
    private final Path staging;
    private final String ruleset;

    /** Beside the servers' folders: which templates wrote the files (a server id never starts with a dot). */
    private static final String TEMPLATES_FILE = ".templates";

    PolicyFiles(CatalogueStore store, String ruleset) throws IOException {
        this.store = store;
        this.ruleset = ruleset;
        this.staging = store.dir().resolve("policies.next");
        CatalogueStore.deleteTree(staging);
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(TEMPLATES_FILE), PolicyFormat.templatesFingerprint());
    }

    /**
     * True when the live policy files were written by the templates of this build, so that those of an unchanged
     * server can be {@linkplain #keep kept}; false when they are missing or older, and must all be written anew.
     */
    boolean liveAreCurrent() throws IOException {
        Path marker = store.policiesDir().resolve(TEMPLATES_FILE);
        return Files.isRegularFile(marker) && Files.readString(marker).equals(PolicyFormat.templatesFingerprint());
    }

    /** Writes {@code server}'s policies, when it has tools. */
    void write(ServerRecord server) throws IOException {
        if (server.tools().isEmpty() || server.status() instanceof CrawlStatus.NeedsCredentials) return;
        var profiles = server.tools().stream().map(CataloguedTool::profile).toList();
        ServerPolicy policy = ServerPolicy.of(server.id(), ruleset, profiles, PolicyProfile.RECOMMENDED);
        Path dir = staging.resolve(server.id());
        Files.createDirectories(dir);
        for (PolicyFormat format : PolicyFormat.values()) {
            var template = format.template();
            // getBytes replaces a lone surrogate (legal as a JSON escape in a tool name) as the API's answer does;
            // Files.writeString would throw and end the whole refresh.
            Files.write(dir.resolve(template.fileName(server.id())), template.render(policy).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Keeps the live policies of {@code server}, unchanged since the last refresh, by linking them into the staged
     * set (hard links: the files are never written in place, only replaced as a whole). A server with no live
     * policies has none to keep.
     */
    void keep(String server) throws IOException {
        Path live = store.policiesDir().resolve(server);
        if (!Files.isDirectory(live)) return;
        Path dir = staging.resolve(server);
        Files.createDirectories(dir);
        try (var files = Files.list(live)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(file.getFileName());
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Puts the staged policies in place of the live ones. */
    void publish() throws IOException {
        Path live = store.policiesDir();
        Path old = store.dir().resolve("policies.old");
        CatalogueStore.deleteTree(old);
        if (Files.exists(live)) Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE);
        CatalogueStore.deleteTree(old);
    }
}
