package io.toolrisk.pages;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.policy.PolicyProfile;
import io.toolrisk.policy.ServerPolicy;
import io.toolrisk.policy.ToolPolicy;
import io.toolrisk.policy.Treatment;

import java.util.ArrayList;
import java.util.List;

/**
 * What one policy profile does with calls to a tool, as {@link ServerPolicy} decides it for every policy format, and
 * why, in one sentence.
 *
 * @param decision allow, rate-limit, ask, require approval or hide (with the limit: "rate-limit 30/minute")
 * @param kind     the decision's wire-style name, for its badge: allow, rate-limit, ask, require-approval, hide
 */
record Verdict(PolicyProfile profile, String decision, String kind, String reason) {
    /** The verdict of every profile on {@code profile}'s tool of {@code server}, profiles in their order. */
    static List<Verdict> all(String server, String ruleset, RiskProfile profile) {
        List<Verdict> verdicts = new ArrayList<>();
        for (PolicyProfile p : PolicyProfile.values()) {
            ToolPolicy decided = ServerPolicy.of(server, ruleset, List.of(profile), p).tools().getFirst();
            verdicts.add(of(p, decided, profile.hasFlag(FlagKind.OPEN_WORLD)));
        }
        return verdicts;
    }

    private static Verdict of(PolicyProfile profile, ToolPolicy decided, boolean openWorld) {
        Treatment treatment = decided.treatment();
        String decision = switch (treatment) {
            case Treatment.Allow a -> "allow";
            case Treatment.RateLimit r -> "rate-limit " + r.wireValue();
            case Treatment.Ask a -> "ask per call";
            case Treatment.RequireApproval r -> "require approval";
            case Treatment.Hide h -> "hide";
        };
        String kind = switch (treatment) {
            case Treatment.Allow a -> "allow";
            case Treatment.RateLimit r -> "rate-limit";
            case Treatment.Ask a -> "ask";
            case Treatment.RequireApproval r -> "require-approval";
            case Treatment.Hide h -> "hide";
        };
        String why = why(treatment, decided.treatedAs(), openWorld);
        Category category = decided.category();
        Category treatedAs = decided.treatedAs();
        if (!decided.deniedActions().isEmpty()) {
            var denied = new StringBuilder();
            for (ToolPolicy.DeniedActions d : decided.deniedActions()) {
                if (!denied.isEmpty()) denied.append("; ");
                denied.append(d.param()).append(" = ").append(String.join(", ", d.values())).append(" denied (")
                        .append(d.reason()).append(')');
            }
            return new Verdict(profile, decision + ", some actions denied", kind, capitalized(
                    "%s; the other actions are treated as %s: %s".formatted(denied, treatedAs.wireName(), why)) + ".");
        }
        if (treatedAs.compareTo(category) > 0) {
            return new Verdict(profile, decision, kind, capitalized(
                    "its author's annotations say it is %s while its words read %s, and the author's warning is a floor: %s"
                            .formatted(treatedAs.wireName(), category.wireName(), why)) + ".");
        }
        return new Verdict(profile, decision, kind, capitalized(why) + ".");
    }

    /** Why {@code treatment}: the policy's own reason where it gives one, else what the category does. */
    private static String why(Treatment treatment, Category treatedAs, boolean openWorld) {
        String reaches = openWorld && treatedAs == Category.WRITE ? " and reaches parties outside (open-world)" : "";
        return switch (treatment) {
            case Treatment.Allow a -> "%s %s%s; calls pass".formatted(article(treatedAs), does(treatedAs), reaches);
            case Treatment.RateLimit r -> "%s %s%s; calls pass, at most %d a minute"
                    .formatted(article(treatedAs), does(treatedAs), reaches, r.perMinute());
            case Treatment.Ask a -> a.reason();
            case Treatment.RequireApproval r -> r.reason();
            case Treatment.Hide h -> h.reason() + "; the model is not shown the tool";
        };
    }

    private static String article(Category category) {
        return switch (category) {
            case READ -> "a read tool";
            case WRITE -> "a write tool";
            case EXECUTE -> "an execute tool";
            case DESTRUCTIVE -> "a destructive tool";
            case FINANCIAL -> "a financial tool";
        };
    }

    private static String does(Category category) {
        return switch (category) {
            case READ -> "retrieves data and changes nothing";
            case WRITE -> "creates or changes data, reversibly";
            case EXECUTE -> "runs code, commands or jobs";
            case DESTRUCTIVE -> "deletes or overwrites irreversibly";
            case FINANCIAL -> "moves money";
        };
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
