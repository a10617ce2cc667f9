package io.toolrisk.crawler.stdio;

import io.toolrisk.crawler.stdio.SandboxLayout.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Places outside the temp folder, which the sandbox replaces whole: a home, a package install in it, a catalogue. They
 * lie in the checkout's build folder, which may itself be hidden ({@code ~/src/toolrisk}, {@code /tmp/x}): what is
 * expected of them then follows from where the checkout lies.
 */
class SandboxLayoutTest {
    private Path base;
    /** Whether the sandbox shows the checkout when told nothing: not under {@code /home} or the temp folder, say. */
    private boolean checkoutVisible;
    private Path home;
    private Path install;
    private Path catalogue;
    private final Path crawl = Path.of("/tmp/toolrisk-mcp-1");

    @BeforeEach
    void makePlaces() throws IOException {
        base = Files.createDirectories(Path.of("target", "layout-" + UUID.randomUUID())).toRealPath();
        home = Files.createDirectories(base.resolve("home"));
        install = Files.createDirectories(home.resolve(".cache/toolrisk/npm/0123"));
        catalogue = Files.createDirectories(install.resolve("inside-the-install"));
        checkoutVisible = SandboxLayout.of(crawl, List.of(), List.of()).visible(base);
    }

    @AfterEach
    void removePlaces() {
        CrawlDirectory.deleteTree(base);
    }

    @Test
    void hiddenPlacesComeFirstThenTheServersOwnThenWhatItReadsThenWhatIsHiddenInThatAndAllAreSealed() {
        var layout = SandboxLayout.of(crawl, List.of(home, catalogue, base.resolve("missing")), List.of(install));
        List<Step> own = List.of(new Step.Write(crawl.resolve("home"), Path.of("/home/server")),
                new Step.Write(crawl.resolve("tmp"), Path.of("/tmp")));
        List<Step> steps = layout.steps();
        int firstOwn = steps.indexOf(own.getFirst());
        assertEquals(own, steps.subList(firstOwn, firstOwn + 2));
        List<Step> hides = steps.subList(0, firstOwn);
        // Where the checkout is hidden already (/home, the temp folder), the home in it needs no step of its own.
        assertEquals(checkoutVisible, hides.contains(new Step.Hide(home)), hides::toString);
        assertEquals(checkoutVisible, steps.contains(new Step.Seal(home)), steps::toString);
        assertTrue(hides.contains(new Step.Hide(Path.of("/var"))), hides::toString);
        assertFalse(hides.contains(new Step.Hide(catalogue)), "hidden again after the install is shown: " + steps);
        assertEquals(List.of(new Step.Read(install), new Step.Hide(catalogue)), steps.subList(firstOwn + 2, firstOwn + 4));
        assertTrue(steps.getLast() instanceof Step.Seal, steps::toString);
        assertEquals(hides.size() + 1, steps.stream().filter(Step.Seal.class::isInstance).count());
    }

    @Test
    void aPlaceReadInsideOneHiddenAgainInsideAReadOneIsShownAfterTheHide() {
        // The whole home shown, the crawler's cache in it hidden again, the install in the cache shown.
        Path cache = home.resolve(".cache/toolrisk");
        var layout = SandboxLayout.of(crawl, List.of(home, cache), List.of(home, install));
        List<Step> steps = layout.steps();
        int read = steps.indexOf(new Step.Read(install));
        int hide = steps.indexOf(new Step.Hide(cache));
        assertTrue(hide >= 0 && read > hide, steps::toString);
        assertTrue(steps.indexOf(new Step.Read(home)) < hide, steps::toString);
        assertTrue(layout.visible(install.resolve("node_modules/x/index.js")));
        assertFalse(layout.visible(cache.resolve("catalogue")));
        assertTrue(layout.visible(home.resolve("notes.txt")));
    }

    @Test
    void aHiddenPlaceInsideAnotherHiddenAgainIsNoStepEvenWhereBothLieInAShownOne() {
        // The checkout shown although hidden (a clone in /tmp), the home in it hidden again: the cache in the home
        // needs no empty folder of its own, and could not have one (the home's has no place to mount it on).
        Path cache = home.resolve(".cache/toolrisk");
        var layout = SandboxLayout.of(crawl, List.of(base, home, cache), List.of(base, install));
        List<Step> steps = layout.steps();
        assertFalse(steps.contains(new Step.Hide(cache)), steps::toString);
        assertTrue(steps.indexOf(new Step.Hide(home)) < steps.indexOf(new Step.Read(install)), steps::toString);
        assertTrue(layout.visible(install.resolve("node_modules/x/index.js")));
        assertFalse(layout.visible(cache.resolve("catalogue")));
        assertTrue(layout.visible(base.resolve("pom.xml")));
    }

    @Test
    void visibilityFollowsTheDeepestPlace() {
        var layout = SandboxLayout.of(crawl, List.of(home, catalogue), List.of(install));
        assertTrue(layout.visible(Path.of("/usr/bin/node")), "the system");
        assertEquals(checkoutVisible, layout.visible(base.resolve("elsewhere")), "beside the home: as the checkout");
        assertFalse(layout.visible(home.resolve(".ssh/id_rsa")));
        assertTrue(layout.visible(install.resolve("node_modules/x/index.js")));
        assertFalse(layout.visible(catalogue.resolve("current")));
        assertFalse(layout.visible(Path.of("/tmp/anything")), "the crawler's temp folder: the server has its own");
        assertFalse(layout.visible(Path.of("/root/.aws/credentials")));
    }

    @Test
    void aReadablePlaceThatIsVisibleAnywayAndAHiddenOneInsideAnotherAreNoSteps() throws IOException {
        Path visible = Path.of("/usr/lib").toRealPath();
        Path nested = Files.createDirectories(home.resolve("nested"));
        var layout = SandboxLayout.of(crawl, List.of(home, nested), List.of(visible));
        assertFalse(layout.steps().contains(new Step.Read(visible)), layout.steps()::toString);
        assertFalse(layout.steps().contains(new Step.Hide(nested)), layout.steps()::toString);
    }

    @Test
    void theRootAndTheSystemAreNeverHidden() {
        var layout = SandboxLayout.of(crawl, List.of(Path.of("/"), Path.of("/usr"), Path.of("/proc")), List.of());
        assertTrue(layout.steps().stream().noneMatch(s -> s instanceof Step.Hide h
                && List.of(Path.of("/"), Path.of("/usr"), Path.of("/proc")).contains(h.path())), layout.steps()::toString);
        assertTrue(layout.visible(Path.of("/usr/bin/node")));
    }
}
