package io.toolrisk.pages;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {
    private static RiskProfile profile(Category category, List<Flag> flags, List<ActionProfile> actions) {
        return new RiskProfile(Optional.of("s"), "t", category, 0.9, List.of(), flags, actions, "2026.12.1");
    }

    private static List<String> decisions(RiskProfile profile) {
        return Verdict.all("s", "2026.12.1", profile).stream().map(Verdict::decision).toList();
    }

    @Test
    void eachProfileDecidesByCategory() {
        assertEquals(List.of("allow", "allow", "allow"), decisions(profile(Category.READ, List.of(), List.of())));
        assertEquals(List.of("rate-limit 30/minute", "rate-limit 10/minute", "allow"), decisions(profile(Category.WRITE, List.of(), List.of())));
        assertEquals(List.of("rate-limit 10/minute", "require approval", "rate-limit 30/minute"),
                decisions(profile(Category.EXECUTE, List.of(), List.of())));
        assertEquals(List.of("hide", "hide", "require approval"), decisions(profile(Category.DESTRUCTIVE, List.of(), List.of())));
        assertEquals(List.of("require approval", "hide", "require approval"), decisions(profile(Category.FINANCIAL, List.of(), List.of())));
    }

    @Test
    void everyVerdictSaysWhyInOneSentence() {
        List<Verdict> verdicts = Verdict.all("s", "2026.12.1", profile(Category.WRITE, List.of(), List.of()));
        assertEquals("A write tool creates or changes data, reversibly; calls pass, at most 30 a minute.", verdicts.get(0).reason());
        for (Verdict v : verdicts) {
            assertTrue(v.reason().endsWith("."), v.reason());
            assertEquals(1, v.reason().split("\\. ").length, v.reason());
        }
        assertEquals("Destructive: deletes or overwrites irreversibly; enable only with a human's approval; the model is not shown the tool.",
                Verdict.all("s", "r", profile(Category.DESTRUCTIVE, List.of(), List.of())).get(0).reason());
    }

    @Test
    void anOpenWorldWriteAsksAHumanUnderTheRecommendedProfile() {
        var openWorld = profile(Category.WRITE, List.of(new Flag(FlagKind.OPEN_WORLD, "description", "email", "sends")), List.of());
        List<Verdict> verdicts = Verdict.all("s", "r", openWorld);
        assertEquals(List.of("ask per call", "require approval", "rate-limit 30/minute"), verdicts.stream().map(Verdict::decision).toList());
        assertEquals("Open-world write: sends to recipients or places the caller picks; a human confirms each call.", verdicts.get(0).reason());
        assertTrue(verdicts.get(2).reason().contains("reaches parties outside (open-world)"), verdicts.get(2).reason());
    }

    @Test
    void theAuthorsWarningIsAFloor() {
        var warned = profile(Category.WRITE, List.of(new Flag(FlagKind.ANNOTATION_CONFLICT, Flag.DESTRUCTIVE_HINT_FIELD,
                Flag.DESTRUCTIVE_HINT_TRUE, "the author says it destroys")), List.of());
        List<Verdict> verdicts = Verdict.all("s", "r", warned);
        assertEquals(List.of("hide", "hide", "require approval"), verdicts.stream().map(Verdict::decision).toList());
        assertTrue(verdicts.get(0).reason().startsWith(
                "Its author's annotations say it is destructive while its words read write, and the author's warning is a floor: "),
                verdicts.get(0).reason());
    }

    @Test
    void hiddenInstructionsAreDeniedWhateverTheCategory() {
        var poisoned = profile(Category.READ, List.of(new Flag(FlagKind.HIDDEN_INSTRUCTIONS, "description", "<IMPORTANT>", "x")), List.of());
        List<Verdict> verdicts = Verdict.all("s", "r", poisoned);
        assertEquals(List.of("require approval", "require approval", "require approval"), verdicts.stream().map(Verdict::decision).toList());
        assertTrue(verdicts.get(0).reason().startsWith("Hidden-instructions: its definition holds text meant for the model"),
                verdicts.get(0).reason());
    }

    @Test
    void aMultiActionToolHasItsDangerousActionsDenied() {
        var manage = profile(Category.DESTRUCTIVE, List.of(), List.of(new ActionProfile("action", "get", Category.READ),
                new ActionProfile("action", "update", Category.WRITE), new ActionProfile("action", "delete", Category.DESTRUCTIVE)));
        Verdict recommended = Verdict.all("s", "r", manage).getFirst();
        assertEquals("rate-limit 30/minute, some actions denied", recommended.decision());
        assertTrue(recommended.reason().startsWith("Action = delete denied (destructive: deletes or overwrites irreversibly"),
                recommended.reason());
        assertTrue(recommended.reason().contains("the other actions are treated as write: a write tool creates"), recommended.reason());
    }
}
