package io.toolrisk.crawler;

import io.toolrisk.crawler.CrawlResult.Stage;
import io.toolrisk.crawler.discovery.ServerEntry;
import io.toolrisk.crawler.http.HttpClients;
import io.toolrisk.crawler.stdio.Sandbox;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the sandbox decides beyond the hostile servers of the refresh tests: the network, and where it cannot be made. */
class SandboxTest {
    private static final OkHttpClient HTTP = HttpClients.create(TestServers.PATIENT.connectTimeout(), TestServers.PATIENT.requestTimeout());

    @ParameterizedTest
    @EnumSource(value = Sandbox.Backend.class, names = {"BWRAP", "UNSHARE"})
    void networkIsOnByDefaultAndNoneCutsIt(Sandbox.Backend backend) throws Exception {
        try (var listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            var entry = TestServers.misbehaving("connect", Map.of(), Integer.toString(listener.getLocalPort()));
            assertEquals("connected", connectResult(TestServers.sandbox(backend, Sandbox.Network.HOST), entry));
            // In a network namespace of its own, the host's loopback address is another machine's: bubblewrap brings
            // up an empty loopback (refused), unshare leaves it down (unreachable).
            String cut = connectResult(TestServers.sandbox(backend, Sandbox.Network.NONE), entry);
            assertTrue(Set.of("ECONNREFUSED", "ENETUNREACH").contains(cut), cut);
        }
    }

    private static String connectResult(Sandbox sandbox, ServerEntry entry) throws InterruptedException {
        CrawlResult result = new Crawler(TestServers.PATIENT, HTTP, System.getenv(), sandbox).crawl(entry);
        return assertInstanceOf(CrawlResult.Crawled.class, result, result::toString).tools().getFirst().description();
    }

    @Test
    void whereNoBackendCanMakeNamespacesStdioServersAreRefusedNamingNoSandbox(@TempDir Path bin) throws Exception {
        // A machine without user namespaces: both programs are there, and both fail as they then do.
        fakeProgram(bin, "bwrap", "bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces.");
        fakeProgram(bin, "unshare", "unshare: unshare failed: Operation not permitted");
        Map<String, String> environment = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        var crawler = new Crawler(TestServers.PATIENT, HTTP, environment, Sandbox.DEFAULT);
        String reason = "cannot start stdio servers in a sandbox here (bwrap: No permissions to creating new namespace, likely "
                + "because the kernel does not allow non-privileged user namespaces.; unshare: unshare failed: Operation not "
                + "permitted); allow user namespaces or install bubblewrap, or pass --no-sandbox to run them unsandboxed, "
                + "seeing all this user can";

        var failed = assertInstanceOf(CrawlResult.Failed.class, crawler.crawl(TestServers.misbehaving("good")));
        assertEquals(Stage.LAUNCH, failed.stage());
        assertEquals(reason, failed.reason());
        assertEquals(reason, assertThrows(IOException.class, crawler::requireSandbox).getMessage());

        var unsandboxed = new Crawler(TestServers.PATIENT, HTTP, environment, new Sandbox.Off());
        assertInstanceOf(CrawlResult.Crawled.class, unsandboxed.crawl(TestServers.misbehaving("good")), "only when asked for");
    }

    @ParameterizedTest
    @EnumSource(value = Sandbox.Backend.class, names = {"BWRAP", "UNSHARE"})
    void relativeProgramIsFoundFromTheCrawlersWorkingDirectory(Sandbox.Backend backend) throws Exception {
        // As a shell takes "./toolrisk mcp": the server starts in a directory of its own, where the path names nothing.
        Path dir = Files.createDirectories(Path.of("target", "relative-program"));
        Path program = dir.resolve("server.sh");
        Files.writeString(program, "#!/bin/sh\nexec node '%s' good\n".formatted(TestServers.MISBEHAVING));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        var entry = ServerEntry.Stdio.of("relative", "./" + program, List.of(), Map.of());
        Sandbox.On showingIt = TestServers.sandbox(backend, Sandbox.Network.HOST).withReadable(List.of(dir));
        for (Sandbox sandbox : List.of(showingIt, new Sandbox.Off())) {
            CrawlResult result = new Crawler(TestServers.PATIENT, HTTP, System.getenv(), sandbox).crawl(entry);
            assertInstanceOf(CrawlResult.Crawled.class, result, () -> sandbox + ": " + result);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sandbox.Backend.class, names = {"BWRAP", "UNSHARE"})
    void aServerKilledBySignalLeavesOnlyItsOwnStderr(Sandbox.Backend backend) throws Exception {
        // The sandbox's first process is a shell: its report of the killed server ("Killed") is not the server's.
        var entry = ServerEntry.Stdio.of("killed", "/bin/sh", List.of("-c", "echo its-last-words >&2; kill -9 $$"), Map.of());
        CrawlResult result = new Crawler(TestServers.PATIENT, HTTP, System.getenv(), TestServers.sandbox(backend, Sandbox.Network.HOST)).crawl(entry);
        var failed = assertInstanceOf(CrawlResult.Failed.class, result, result::toString);
        assertEquals("its-last-words", failed.stderrTail(), failed::toString);
    }

    private static void fakeProgram(Path bin, String name, String says) throws IOException {
        Path program = bin.resolve(name);
        Files.writeString(program, "#!/bin/sh\necho '%s' >&2\nexit 1\n".formatted(says));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
