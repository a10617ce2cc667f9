package io.toolrisk.catalogue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskProfileTest {
    private static RiskProfile profile(Category category, FlagKind... kinds) {
        List<Flag> flags = new java.util.ArrayList<>();
        for (FlagKind k : kinds) flags.add(new Flag(k, "description", "quote", "detail"));
        return new RiskProfile(Optional.of("acme"), "t", category, 0.9, List.of(), flags, List.of(), "2026.12.1");
    }

    @Test
    void severityFollowsTheCategoryWhenNoFlagRaisesIt() {
        assertEquals(Severity.LOW, profile(Category.READ).severity());
        assertEquals(Severity.LOW, profile(Category.READ, FlagKind.OPEN_WORLD, FlagKind.CREDENTIAL_ACCESS,
                FlagKind.ANNOTATION_CONFLICT).severity());
        assertEquals(Severity.CRITICAL, profile(Category.FINANCIAL, FlagKind.OPEN_WORLD).severity());
    }

    @Test
    void injectionFlagsMakeAnyToolCriticalAndSelfPromotionAtLeastHigh() {
        assertEquals(Severity.CRITICAL, profile(Category.READ, FlagKind.HIDDEN_INSTRUCTIONS).severity());
        assertEquals(Severity.CRITICAL, profile(Category.READ, FlagKind.TOOL_SHADOWING).severity());
        assertEquals(Severity.CRITICAL, profile(Category.WRITE, FlagKind.INVISIBLE_CHARACTERS).severity());
        assertEquals(Severity.HIGH, profile(Category.READ, FlagKind.PREFERENCE_MANIPULATION).severity());
        assertEquals(Severity.CRITICAL, profile(Category.FINANCIAL, FlagKind.PREFERENCE_MANIPULATION).severity());
    }

    @Test
    void onlyTheFlagsWithACriticalFloorNeedReview() {
        for (FlagKind k : FlagKind.values()) {
            boolean expected = k == FlagKind.HIDDEN_INSTRUCTIONS || k == FlagKind.TOOL_SHADOWING || k == FlagKind.INVISIBLE_CHARACTERS;
            assertEquals(expected, k.needsReview(), k.wireName());
        }
        assertTrue(FlagKind.fromWireName("tool-shadowing").needsReview());
        assertFalse(FlagKind.fromWireName("preference-manipulation").needsReview());
    }
}
