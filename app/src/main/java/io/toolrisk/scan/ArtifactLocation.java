package io.toolrisk.scan;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The file (and line) a SARIF result points at: code scanning (GitHub's among others) shows an alert only at a
 * {@code physicalLocation}. A path under the working directory is written relative to it, as a repository's checkout
 * sees it; any other as an absolute {@code file:} URI.
 *
 * @param uri       a relative reference ({@code src/tools.json}) or an absolute {@code file:} URI, percent-encoded
 * @param line      the line results point at, when not at their tool's own (1-based); line 1 when absent
 * @param toolLines whether this is the file the tools were read from, so that each result points at its tool's line
 */
public record ArtifactLocation(String uri, OptionalLong line, boolean toolLines) {
    /**
     * The files a server's repository keeps at its root, in the order they are looked for: where a scan of a running
     * server points when nothing else says where its tools are defined.
     */
    public static final List<String> PROJECT_FILES = List.of("package.json", "pyproject.toml", "setup.py", "Cargo.toml",
            "go.mod", "pom.xml", "build.gradle", "build.gradle.kts");
    private static final Pattern PATH_AND_LINE = Pattern.compile("(.+):(\\d{1,9})");

    public ArtifactLocation {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("an artifact location needs a URI");
        line = line == null ? OptionalLong.empty() : line;
        if (line.isPresent() && line.getAsLong() < 1)
            throw new IllegalArgumentException("a line number starts at 1, got " + line.getAsLong());
    }

    /**
     * The location {@code PATH} or {@code PATH:LINE} names, as {@code --sarif-location} takes it.
     *
     * @throws IllegalArgumentException when it is blank or its line is 0
     */
    public static ArtifactLocation parse(String text, Path workingDir) {
        var m = PATH_AND_LINE.matcher(text.strip());
        String path = m.matches() ? m.group(1) : text.strip();
        long line = m.matches() ? Long.parseLong(m.group(2)) : 0;
        if (path.isBlank() || (m.matches() && line < 1))
            throw new IllegalArgumentException("--sarif-location must be PATH or PATH:LINE with a line from 1, got '%s'".formatted(text));
        return new ArtifactLocation(uri(Path.of(path), workingDir), line > 0 ? OptionalLong.of(line) : OptionalLong.empty(), false);
    }

    /** The whole of {@code file}, each result at its tool's own line. */
    public static ArtifactLocation ofFile(Path file, Path workingDir) {
        return new ArtifactLocation(uri(file, workingDir), OptionalLong.empty(), true);
    }

    /** The first of {@link #PROJECT_FILES} in {@code workingDir}, at line 1; empty when it has none. */
    public static Optional<ArtifactLocation> projectFile(Path workingDir) {
        for (String name : PROJECT_FILES) {
            if (Files.isRegularFile(workingDir.resolve(name))) return Optional.of(new ArtifactLocation(name, OptionalLong.of(1), false));
        }
        return Optional.empty();
    }

    /** The line a result about a tool found on {@code toolLine} of its input points at. */
    long lineOf(OptionalLong toolLine) {
        return toolLines && toolLine.isPresent() ? toolLine.getAsLong() : line.orElse(1);
    }

    /** {@code path} (relative to {@code workingDir} when not absolute) as a URI: relative when it lies under it. */
    static String uri(Path path, Path workingDir) {
        Path base = workingDir.toAbsolutePath().normalize();
        Path absolute = base.resolve(path).normalize();
        if (!absolute.startsWith(base) || absolute.equals(base)) return absolute.toUri().toString();
        List<String> segments = new ArrayList<>();
        for (Path segment : base.relativize(absolute)) segments.add(segment.toString());
        // A first segment holding ':' would read as a scheme ("c:tools.json").
        String relative = (segments.getFirst().contains(":") ? "./" : "") + String.join("/", segments);
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot write %s as a URI: %s".formatted(path, e.getMessage()), e);
        }
    }
}
