package io.toolrisk.policy;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decisions of a policy for one server's tools, before they are written in any format: one
 * {@link ToolPolicy} per tool, sorted by tool name so that the same profiles always give the same file.
 *
 * <p>A multi-action tool (a profile with {@code actions}) whose dangerous actions are blocked but whose other
 * actions are not is split: the tool gets the treatment of its most severe action that is still allowed, and
 * the blocked values become {@link ToolPolicy.DeniedActions}. So {@code manage_issue} stays usable while
 * {@code action = "delete"} is denied.
 *
 * <p>Where the tool's author claims more danger than the evidence shows (an {@code annotation-conflict} flag with
 * {@code destructiveHint: true} or {@code readOnlyHint: false}), the tool is treated as the author says: their
 * warning is a floor. A write flagged {@code open-world} asks a human per call under the recommended profile.
 *
 * <p>A tool flagged {@code hidden-instructions}, {@code tool-shadowing} or {@code invisible-characters} (the flags
 * that {@linkplain FlagKind#needsReview need review}) is denied pending a human's review under every profile
 * (hidden where its category is hidden anyway), whatever its category: such a definition tries to steer the model,
 * or its use of other tools, and allowing it by category would let a "read" tool carry the attack. {@code
 * preference-manipulation} only raises the severity: self-promotion steers the choice of tool, not what it does.
 */
public record ServerPolicy(String server, String ruleset, PolicyProfile profile, List<ToolPolicy> tools) {
    public ServerPolicy {
        if (server == null || server.isEmpty()) throw new IllegalArgumentException("server must not be empty");
        if (ruleset == null || ruleset.isEmpty()) throw new IllegalArgumentException("ruleset must not be empty");
        if (profile == null) throw new IllegalArgumentException("profile must not be null");
        tools = List.copyOf(tools);
    }

    /**
     * Decides the policy of {@code server}'s tools under {@code profile}. When two profiles name the same tool,
     * the first wins (a server cannot list one name twice; a catalogue should not either).
     */
    public static ServerPolicy of(String server, String ruleset, List<RiskProfile> profiles, PolicyProfile profile) {
        Map<String, ToolPolicy> byName = new TreeMap<>();
        for (RiskProfile p : profiles) byName.putIfAbsent(p.tool(), decide(p, profile));
        return new ServerPolicy(server, ruleset, profile, new ArrayList<>(byName.values()));
    }

    static ToolPolicy decide(RiskProfile p, PolicyProfile profile) {
        Optional<String> tampering = tampering(p);
        if (tampering.isPresent()) {
            // Text addressed to the model, or hidden from the reader, is an attack on whoever runs the tool: the
            // category says what the tool does, not what its definition is trying to make the model do.
            Treatment byCategory = profile.treatment(p.category());
            Treatment treatment = byCategory instanceof Treatment.Hide ? byCategory : new Treatment.RequireApproval(tampering.get());
            return new ToolPolicy(p.tool(), p.category(), p.category(), treatment, List.of());
        }
        boolean openWorld = p.flags().stream().anyMatch(f -> f.flag() == FlagKind.OPEN_WORLD);
        Optional<Category> authorsClaim = p.flags().stream().map(Flag::authorsClaim).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        if (authorsClaim.isPresent() && authorsClaim.get().compareTo(p.category()) > 0) {
            // The author says the tool does more than the evidence shows: their warning is a floor.
            Category claim = authorsClaim.get();
            return new ToolPolicy(p.tool(), p.category(), claim, profile.treatment(claim, openWorld), List.of());
        }
        Treatment whole = profile.treatment(p.category(), openWorld);
        if (p.actions().isEmpty() || !whole.blocks()) return new ToolPolicy(p.tool(), p.category(), p.category(), whole, List.of());

        Optional<Category> mostSevereAllowed = p.actions().stream()
                .map(ActionProfile::category)
                .filter(c -> !profile.treatment(c).blocks())
                .max(Comparator.naturalOrder());
        if (mostSevereAllowed.isEmpty()) return new ToolPolicy(p.tool(), p.category(), p.category(), whole, List.of());

        Map<String, List<ActionProfile>> blockedByParam = new LinkedHashMap<>();
        for (ActionProfile a : p.actions()) {
            if (profile.treatment(a.category()).blocks())
                blockedByParam.computeIfAbsent(a.param(), k -> new ArrayList<>()).add(a);
        }
        List<ToolPolicy.DeniedActions> denied = new ArrayList<>();
        blockedByParam.forEach((param, actions) -> {
            Category worst = actions.stream().map(ActionProfile::category).max(Comparator.naturalOrder()).orElseThrow();
            List<String> values = actions.stream().map(ActionProfile::value).distinct().toList();
            denied.add(new ToolPolicy.DeniedActions(param, values, worst, reason(profile.treatment(worst))));
        });
        Category treatedAs = mostSevereAllowed.get();
        return new ToolPolicy(p.tool(), p.category(), treatedAs, profile.treatment(treatedAs, openWorld), denied);
    }

    /**
     * Why a tool's definition itself is suspect, whatever its category: hidden instructions, the shadowing of other
     * tools, or invisible characters.
     */
    private static Optional<String> tampering(RiskProfile p) {
        List<String> kinds = p.flags().stream().map(Flag::flag)
                .filter(FlagKind::needsReview)
                .distinct().sorted().map(FlagKind::wireName).toList();
        if (kinds.isEmpty()) return Optional.empty();
        return Optional.of(String.join(", ", kinds)
                + ": its definition holds text meant for the model or hidden from people; denied until a human has read it");
    }

    private static String reason(Treatment treatment) {
        return switch (treatment) {
            case Treatment.RequireApproval r -> r.reason();
            case Treatment.Ask a -> a.reason();
            case Treatment.Hide h -> h.reason();
            case Treatment.Allow a -> "";
            case Treatment.RateLimit r -> "";
        };
    }

    /** The tools this policy hides from the model, in name order. */
    public List<String> hidden() {
        return tools.stream().filter(t -> t.treatment() instanceof Treatment.Hide).map(ToolPolicy::tool).toList();
    }

    /** One sentence saying what produced this policy; every format carries it. */
    public String provenance() {
        return "ToolRisk %s policy for MCP server '%s', generated from the risk profiles of ruleset %s"
                .formatted(profile.wireName(), server, ruleset);
    }
}
