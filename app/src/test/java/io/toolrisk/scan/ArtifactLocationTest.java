package io.toolrisk.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArtifactLocationTest {
    @TempDir
    Path dir;

    @Test
    void aPathAndLineAreReadRelativeToTheWorkingDirectoryAndEncoded() {
        assertEquals(new ArtifactLocation("src/server.ts", OptionalLong.of(12), false), ArtifactLocation.parse("src/server.ts:12", dir));
        assertEquals(new ArtifactLocation("my%20tools/a%23b.json", OptionalLong.empty(), false), ArtifactLocation.parse("my tools/a#b.json", dir));
        assertEquals("src/x.ts", ArtifactLocation.parse(dir.resolve("src/x.ts").toString(), dir).uri(), "an absolute path under it");
        assertEquals("./c:x.json", ArtifactLocation.parse("c:x.json", dir).uri(), "not read as a scheme");
        assertEquals("file:///etc/tools.json", ArtifactLocation.parse("/etc/tools.json", dir).uri());
    }

    @Test
    void aLineOfZeroOrNoPathIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArtifactLocation.parse("src/a.ts:0", dir));
        assertEquals("--sarif-location must be PATH or PATH:LINE with a line from 1, got 'src/a.ts:0'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArtifactLocation.parse("  ", dir));
    }

    @Test
    void theProjectFileIsTheFirstManifestFound() throws Exception {
        assertEquals(Optional.empty(), ArtifactLocation.projectFile(dir));
        Files.writeString(dir.resolve("pyproject.toml"), "");
        Files.writeString(dir.resolve("go.mod"), "");
        assertEquals(Optional.of(new ArtifactLocation("pyproject.toml", OptionalLong.of(1), false)), ArtifactLocation.projectFile(dir));
    }

    @Test
    void resultsPointAtTheirToolsLineOnlyInTheFileTheToolsCameFrom() {
        assertEquals(7, ArtifactLocation.ofFile(dir.resolve("t.json"), dir).lineOf(OptionalLong.of(7)));
        assertEquals(42, ArtifactLocation.parse("src/a.ts:42", dir).lineOf(OptionalLong.of(7)));
        assertEquals(1, ArtifactLocation.parse("src/a.ts", dir).lineOf(OptionalLong.of(7)));
    }
}
