package io.toolrisk.crawler.stdio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a sandboxed server sees of the file system, as steps over a read-only copy of the system: empty read-only
 * folders over the places that hold people's and services' files (homes, temp folders, {@code /var}, {@code /run},
 * mount points) and over what the crawler names (its catalogue); its own fresh home and {@code /tmp}; and,
 * read-only, what it must read although it lies in a hidden place (its package install). Both backends apply the
 * same steps, so they show the same thing.
 *
 * @param steps in the order they apply
 * @param rules which host paths the server sees at their own place, deepest first to decide (see {@link #visible})
 */
record SandboxLayout(List<Step> steps, List<Rule> rules) {
    /** The server's home and working directory inside the sandbox. */
    static final Path HOME = Path.of("/home/server");
    static final Path TMP = Path.of("/tmp");

    /** Hidden on every machine: where people, services and mounted volumes keep their files. */
    static final List<Path> ALWAYS_HIDDEN = List.of("/root", "/home", "/var", "/run", "/mnt", "/media", "/srv")
            .stream().map(Path::of).toList();
    /** Never hidden, whatever is asked: hiding them breaks every program, and the sandbox makes its own. */
    private static final Set<Path> SYSTEM = Set.of(Path.of("/"), Path.of("/proc"), Path.of("/dev"), Path.of("/sys"),
            Path.of("/usr"), Path.of("/etc"), Path.of("/bin"), Path.of("/lib"), TMP, HOME);

    /** One change to the file system the server sees, at {@code path}. */
    sealed interface Step {
        Path path();

        /** An empty folder, read-only once {@link Seal}ed, over {@code path}. */
        record Hide(Path path) implements Step {
        }

        /** {@code path} of the host, visible read-only at the same place. */
        record Read(Path path) implements Step {
        }

        /** {@code source} of the host, writable, at {@code path}. */
        record Write(Path source, Path path) implements Step {
        }

        /** Makes the folder {@link Hide} put at {@code path} read-only. */
        record Seal(Path path) implements Step {
        }
    }

    /** Whether a path, and what lies below it unless a deeper rule says otherwise, is visible to the server. */
    record Rule(Path path, boolean visible) {
    }

    /**
     * The layout for a server whose own directory is {@code directory} (with {@code home/} and {@code tmp/}).
     *
     * @param hidden   places to hide beyond {@link #ALWAYS_HIDDEN}: the crawler's home, its temp folder, its catalogue
     * @param readable places to show read-only inside hidden ones
     */
    static SandboxLayout of(Path directory, List<Path> hidden, List<Path> readable) {
        var hide = new ArrayList<Path>();
        for (Path path : concat(ALWAYS_HIDDEN, hidden)) realDirectory(path).filter(p -> !SYSTEM.contains(p)).ifPresent(hide::add);
        var hideRules = new ArrayList<Rule>();
        distinct(hide).forEach(p -> hideRules.add(new Rule(p, false)));
        hideRules.add(new Rule(TMP, false));
        // What is visible anyway needs no step; parents are shown before their children.
        List<Path> reads = distinct(readable.stream().map(SandboxLayout::real).flatMap(Optional::stream).toList()).stream()
                .filter(p -> !visible(p, hideRules)).sorted(Comparator.comparingInt(Path::getNameCount)).toList();
        // A hidden place inside a readable one is hidden again after it; one inside another hidden place needs no step
        // (nor could have one: the empty folder over the other has no place to mount it on).
        var shown = new ArrayList<>(hideRules);
        reads.forEach(p -> shown.add(new Rule(p, true)));
        List<Path> innerHides = new ArrayList<>();
        List<Path> topHides = new ArrayList<>();
        for (Path path : distinct(hide)) {
            if (reads.stream().anyMatch(r -> path.startsWith(r) && !path.equals(r))) {
                List<Rule> others = shown.stream().filter(rule -> !rule.equals(new Rule(path, false))).toList();
                if (visible(path, others)) innerHides.add(path);
            } else if (!path.startsWith(TMP) && hide.stream().noneMatch(h -> path.startsWith(h) && !path.equals(h))) topHides.add(path);
        }

        var steps = new ArrayList<Step>();
        topHides.forEach(p -> steps.add(new Step.Hide(p)));
        steps.add(new Step.Write(directory.resolve("home"), HOME));
        steps.add(new Step.Write(directory.resolve("tmp"), TMP));
        // Shown and hidden again, shallowest first: a place read inside one hidden again inside a read one (the crawler's
        // cache in a home shown whole, the install in the cache) is shown after the place around it is hidden.
        var layers = new ArrayList<Step>();
        reads.forEach(p -> layers.add(new Step.Read(p)));
        innerHides.forEach(p -> layers.add(new Step.Hide(p)));
        layers.sort(Comparator.comparingInt(step -> step.path().getNameCount()));
        steps.addAll(layers);
        topHides.forEach(p -> steps.add(new Step.Seal(p)));
        innerHides.forEach(p -> steps.add(new Step.Seal(p)));

        var rules = new ArrayList<>(shown);
        innerHides.forEach(p -> rules.add(new Rule(p, false)));
        return new SandboxLayout(List.copyOf(steps), List.copyOf(rules));
    }

    /** Whether the server sees {@code path} of the host at the same place. */
    boolean visible(Path path) {
        return visible(path.toAbsolutePath().normalize(), rules);
    }

    /** The deepest rule over {@code path} decides (the later of two as deep); with none, it is system, visible. */
    private static boolean visible(Path path, List<Rule> rules) {
        Rule deepest = null;
        for (Rule rule : rules) {
            if (path.startsWith(rule.path()) && (deepest == null || rule.path().getNameCount() >= deepest.path().getNameCount()))
                deepest = rule;
        }
        return deepest == null || deepest.visible();
    }

    private static Optional<Path> realDirectory(Path path) {
        return real(path).filter(Files::isDirectory);
    }

    /** The path with its links resolved, as the kernel will see it when mounting; empty when it does not exist. */
    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toAbsolutePath().normalize().toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> distinct(List<Path> paths) {
        return List.copyOf(new LinkedHashSet<>(paths));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
