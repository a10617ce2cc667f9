package io.toolrisk.crawler.stdio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell would, so a missing one gets a clear message rather than the JDK's. */
final class Programs {
    private Programs() {
    }

    /** True when {@code program} is an executable file, by path or on {@code path} (a PATH value, may be null). */
    static boolean exists(String program, String path) {
        if (program.contains(File.separator)) return Files.isExecutable(Path.of(program));
        if (path == null) return true; // nothing to look in: let the launch itself tell
        return find(program, path).isPresent();
    }

    /** The executable file {@code program} names: itself when it holds a slash, else the first on {@code path}. */
    static Optional<Path> find(String program, String path) {
        if (program.contains(File.separator)) {
            Path file = Path.of(program).toAbsolutePath();
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate.toAbsolutePath());
        }
        return Optional.empty();
    }
}
