package io.toolrisk.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Sha256;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.store.CatalogueStore;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm packages a servers file pins with a lockfile ({@code "npm": "peers"} names a directory holding
 * {@code package.json} and {@code package-lock.json}, relative to the servers file). They are installed once per
 * lockfile with {@code npm ci} into a cache outside the repository, so that every crawl of the same servers file
 * runs the same code — {@code npx -y pkg@version} alone would not, since transitive versions float.
 */
final class NpmPackages {
    /** The variable that servers files use for the install prefix, e.g. {@code ${TOOLRISK_NPM_PREFIX}/node_modules/...}. */
    static final String PREFIX_VARIABLE = "TOOLRISK_NPM_PREFIX";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern PACKAGE_PATH = Pattern.compile("node_modules/((?:@[^/]+/)?[^/]+)/");

    private final Path prefix;
    private final Map<String, String> versions;

    private NpmPackages(Path prefix, Map<String, String> versions) {
        this.prefix = prefix;
        this.versions = versions;
    }

    /**
     * Installs the packages of {@code lockDirectory} into {@code cacheRoot} unless that lockfile is installed
     * already; says what it does through {@code progress}.
     *
     * @throws IOException when npm is missing or the install fails, with npm's last words
     */
    static NpmPackages install(Path lockDirectory, Path cacheRoot, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path lockfile = lockDirectory.resolve("package-lock.json");
        Path manifest = lockDirectory.resolve("package.json");
        if (!Files.isRegularFile(lockfile) || !Files.isRegularFile(manifest))
            throw new IOException("npm directory %s needs package.json and package-lock.json".formatted(lockDirectory));
        byte[] lock = Files.readAllBytes(lockfile);
        Path target = cacheRoot.resolve("npm").resolve(Sha256.hex(lock).substring(0, 16));
        Map<String, String> versions = versions(Json.MAPPER.readTree(lock));
        if (!Files.isDirectory(target.resolve("node_modules"))) {
            int servers = Json.MAPPER.readTree(manifest.toFile()).path("dependencies").size();
            progress.accept("installing %d npm packages from %s into %s (first run only; about a minute)"
                    .formatted(servers, lockfile, target));
            runNpmCi(manifest, lockfile, target);
        }
        readableByAll(target);
        return new NpmPackages(target, versions);
    }

    private static void runNpmCi(Path manifest, Path lockfile, Path target) throws IOException, InterruptedException {
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".installing-");
        Files.copy(manifest, staging.resolve("package.json"));
        Files.copy(lockfile, staging.resolve("package-lock.json"));
        Path log = staging.resolve("npm.log");
        var builder = new ProcessBuilder(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund",
                "--loglevel=error", "--prefix", staging.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Nothing may download a browser: the servers only need to list their tools.
        builder.environment().put("PUPPETEER_SKIP_DOWNLOAD", "1");
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process npm;
        try {
            npm = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run npm (%s); install Node.js 20+ with npm to crawl the servers of this file"
                    .formatted(e.getMessage()), e);
        }
        if (!npm.waitFor(INSTALL_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IOException("npm ci did not finish within %d minutes; see %s".formatted(INSTALL_TIMEOUT.toMinutes(), log));
        }
        if (npm.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IOException("npm ci failed (exit %d): %s; full log %s".formatted(npm.exitValue(),
                    String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())), log));
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            // Another refresh installed the same lockfile meanwhile; its copy is as good as ours.
            CatalogueStore.deleteTree(staging);
        }
    }

    /**
     * The install was made as a private temporary directory; the sandbox runs its servers as another user (nobody,
     * when toolrisk runs as root), who must be able to enter it. Also mends installs made before sandboxes.
     */
    private static void readableByAll(Path install) throws IOException {
        var permissions = Files.getPosixFilePermissions(install);
        if (permissions.containsAll(READ_AND_ENTER)) return;
        permissions.addAll(READ_AND_ENTER);
        Files.setPosixFilePermissions(install, permissions);
    }

    private static final Set<PosixFilePermission> READ_AND_ENTER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    /** The install prefix, for {@code ${TOOLRISK_NPM_PREFIX}}. */
    Path prefix() {
        return prefix;
    }

    /**
     * The package and locked version, {@code name@version}, that an argument such as
     * {@code .../node_modules/@scope/pkg/dist/index.js} runs.
     */
    Optional<String> packageOf(String argument) {
        Matcher m = PACKAGE_PATH.matcher(argument);
        if (!m.find()) return Optional.empty();
        return Optional.ofNullable(versions.get(m.group(1))).map(version -> m.group(1) + "@" + version);
    }

    private static Map<String, String> versions(JsonNode lock) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : lock.path("packages").properties()) {
            String key = entry.getKey();
            // Top-level packages only: node_modules/<name>, not node_modules/a/node_modules/b.
            if (!key.startsWith("node_modules/") || key.indexOf("/node_modules/") > 0) continue;
            JsonNode version = entry.getValue().get("version");
            if (version != null) versions.put(key.substring("node_modules/".length()), version.asText());
        }
        return versions;
    }
}
