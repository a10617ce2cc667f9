package io.toolrisk.crawler.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the pinned version of a package out of the command that runs it, where the command pins one. */
final class SourceVersions {
    /** {@code name@1.2.3} or {@code @scope/name@1.2.3-beta.1}: an exact version, not a tag or a range. */
    private static final Pattern NPM_PINNED = Pattern.compile("(@?[^@\\s]+)@(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)");
    private static final Pattern PYPI_PINNED = Pattern.compile("([A-Za-z0-9._-]+)==([0-9][0-9A-Za-z.+!-]*)");
    /** {@code image:tag} or {@code image@sha256:...}; {@code latest} is not a version. */
    private static final Pattern OCI_PINNED = Pattern.compile("([a-z0-9./_-]+(?::\\d+)?/?[a-z0-9._/-]*)(?::([A-Za-z0-9._-]+)|@(sha256:[0-9a-f]{64}))");

    private SourceVersions() {
    }

    static Optional<String> fromCommand(String command, List<String> args) {
        String program = Path.of(command).getFileName().toString();
        for (String arg : args) {
            if (arg.startsWith("-")) continue;
            switch (program) {
                case "npx", "bunx", "pnpx" -> {
                    var m = NPM_PINNED.matcher(arg);
                    if (m.matches()) return Optional.of("npm:" + arg);
                }
                case "uvx", "pipx" -> {
                    var m = PYPI_PINNED.matcher(arg);
                    if (m.matches()) return Optional.of("pypi:" + arg);
                }
                case "docker", "podman" -> {
                    var m = OCI_PINNED.matcher(arg);
                    if (m.matches() && !"latest".equals(m.group(2))) return Optional.of("oci:" + arg);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
