package io.toolrisk.policy;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.RiskProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One server's profiles covering every category, a multi-action tool and a name that YAML must quote; and a server
 * whose tool, parameter and action names are hostile.
 */
final class PolicyFixtures {
    static final String RULESET = "2026.11.1";

    /** Strings a YAML loader would read as a number, a date, a boolean or null, or with a line break folded away. */
    static final List<String> LOOK_LIKE_OTHER_SCALARS = List.of("0x10", "0o17", "1e3", "1_000", "1:30", ".inf",
            "-.INF", ".NaN", "+1", "-2.5", ".5", "2001-01-01", "2001-12-14t21:59:43.10-05:00", "y", "N", "Off", "NULL", "~",
            "=", "<<", "\u0085nel", "line\u2028sep", "para\u2029sep", "\uFEFFbom");

    /**
     * Names that try to end a string literal or a line, inject a policy or a rule, hide on screen (zero-width,
     * right-to-left override), or stand for something else (YAML's other scalars, {@code *}, reserved words), and a
     * name with a lone surrogate, which JSON can carry but no gateway receives intact.
     */
    static final List<String> HOSTILE_NAMES = Stream.concat(LOOK_LIKE_OTHER_SCALARS.stream(), Stream.of(
            "note: [x] #y", "say \"hi\"", "it's", "back\\slash", "\\", "\"", "'", "line\nbreak", "cr\rlf", "tab\tstop",
            "nul\u0000", "bell\u0007", "\u00e9t\u00e9", "emoji\uD83D\uDE00", "sign\uD836\uDC00", "rtl\u202Eexe.txt", "zero\u200Bwidth", "*",
            "a/b", "in", "has", "true", "null", "\"); permit (principal, action, resource); //",
            "' || true || '", "\" || true || \"", "x\" }; permit (principal, action, resource) when { \"",
            "lone\uD83D")).toList();

    /** A tool no fixture server has: every policy must refuse it. */
    static final String UNLISTED = "unlisted";

    private PolicyFixtures() {
    }

    static RiskProfile profile(String tool, Category category, ActionProfile... actions) {
        return new RiskProfile(Optional.of("acme"), tool, category, 0.9, List.of(), List.of(), List.of(actions), RULESET);
    }

    static List<RiskProfile> acme() {
        return List.of(
                profile("get_issue", Category.READ),
                profile("create_issue", Category.WRITE),
                profile("run_query", Category.EXECUTE),
                profile("delete_repo", Category.DESTRUCTIVE),
                profile("refund_payment", Category.FINANCIAL),
                profile("manage_issue", Category.DESTRUCTIVE,
                        new ActionProfile("action", "get", Category.READ),
                        new ActionProfile("action", "update", Category.WRITE),
                        new ActionProfile("action", "delete", Category.DESTRUCTIVE)),
                profile("purge_all", Category.DESTRUCTIVE,
                        new ActionProfile("mode", "purge", Category.DESTRUCTIVE)),
                profile("note: [x] #y", Category.READ));
    }

    /**
     * Every hostile name as a read tool and, followed by {@code " drop"}, as a destructive one; multi-action tools
     * whose parameters and denied values have hostile names too (one with several parameters named as reserved words).
     */
    static List<RiskProfile> hostile() {
        List<RiskProfile> profiles = new ArrayList<>();
        for (String name : HOSTILE_NAMES) {
            profiles.add(profile(name, Category.READ));
            profiles.add(profile(name + " drop", Category.DESTRUCTIVE));
        }
        String param = "my \"param\"\n";
        profiles.add(profile("manage \"it\"\n", Category.DESTRUCTIVE,
                new ActionProfile(param, "get", Category.READ),
                new ActionProfile(param, "del'ete", Category.DESTRUCTIVE),
                new ActionProfile(param, "drop\\\"all", Category.DESTRUCTIVE),
                new ActionProfile(param, "\u2028", Category.DESTRUCTIVE),
                new ActionProfile(param, "0x10", Category.DESTRUCTIVE)));
        profiles.add(profile("reserved", Category.DESTRUCTIVE,
                new ActionProfile("in", "get", Category.READ),
                new ActionProfile("in", "delete", Category.DESTRUCTIVE),
                new ActionProfile("has", "list", Category.READ),
                new ActionProfile("has", "purge", Category.DESTRUCTIVE),
                new ActionProfile("__cedar", "wipe", Category.DESTRUCTIVE),
                new ActionProfile("action", "' || true || '", Category.DESTRUCTIVE),
                new ActionProfile("action", "read", Category.READ),
                new ActionProfile("{  }", "x", Category.DESTRUCTIVE)));
        return profiles;
    }
}
