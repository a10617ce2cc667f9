package io.toolrisk.refresh;

import io.toolrisk.catalogue.store.CatalogueStore;
import io.toolrisk.cli.ToolRiskCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One refresh per catalogue at a time: a second one says so at once and changes nothing. */
class RefreshLockTest {
    @TempDir
    Path dir;

    private String busy(Path catalogue) {
        return "another refresh of %s is running; wait for it to finish (or stop it: its catalogue stays as it was)"
                .formatted(catalogue);
    }

    @Test
    void secondLockOfACatalogueFailsAtOnceUntilTheFirstIsClosed() throws IOException {
        Path catalogue = dir.resolve("catalogue");
        try (RefreshLock first = RefreshLock.acquire(catalogue)) {
            var e = assertThrows(IOException.class, () -> RefreshLock.acquire(catalogue));
            assertEquals(busy(catalogue), e.getMessage());
            try (RefreshLock other = RefreshLock.acquire(dir.resolve("other"))) {
                assertTrue(Files.exists(dir.resolve("other/.refresh.lock")), "another catalogue has a lock of its own");
            }
        }
        RefreshLock.acquire(catalogue).close();
    }

    @Test
    void refreshWhileAnotherProcessRefreshesExitsWithOneLineAndAKilledRefreshFreesTheLock() throws Exception {
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": [{\"id\": \"notes\", \"file\": \"notes.jsonl\"}]}");
        Files.writeString(dir.resolve("notes.jsonl"), "{\"name\": \"delete_note\", \"description\": \"Deletes a note.\"}\n");
        Path catalogue = dir.resolve("catalogue");
        var store = new CatalogueStore(catalogue);
        String[] args = {"--servers", dir.resolve("servers.json").toString(), "--catalogue", catalogue.toString()};

        Path marker = dir.resolve("crawling");
        RefreshProcess holder = RefreshProcess.stoppedAt(RefreshStage.CRAWLING, marker, dir.resolve("holder.log"), args);
        try {
            holder.awaitStage(marker);
            var second = refresh(args);
            // 5: the job could not be done (README, exit codes).
            assertEquals(5, second.exit(), second.err());
            assertEquals("toolrisk refresh: " + busy(store.dir()) + System.lineSeparator(), second.err());
            assertEquals(Optional.empty(), store.currentId(), "the second refresh wrote nothing");
        } finally {
            holder.kill();
        }

        // The lock is the operating system's: the killed refresh let go of it by dying.
        var next = refresh(args);
        assertEquals(0, next.exit(), next.err());
        assertTrue(store.currentId().isPresent(), "the next refresh made a snapshot live");
    }

    private record Run(int exit, String err) {
    }

    private static Run refresh(String... args) {
        var err = new StringWriter();
        CommandLine cli = ToolRiskCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        String[] command = new String[args.length + 1];
        command[0] = "refresh";
        System.arraycopy(args, 0, command, 1, args.length);
        return new Run(cli.execute(command), err.toString());
    }
}
