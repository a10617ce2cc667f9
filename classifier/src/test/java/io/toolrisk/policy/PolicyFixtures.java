package io.toolrisk.policy;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.RiskProfile;

import java.util.List;
import java.util.Optional;

/** One server's profiles covering every category, a multi-action tool and a name that YAML must quote. */
final class PolicyFixtures {
    static final String RULESET = "2026.11.1";

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
}
