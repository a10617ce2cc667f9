package io.toolrisk.policy;

import io.toolrisk.catalogue.Category;

import java.util.List;

/**
 * The policy for one tool of {@code category}: its {@code treatment}, which is that of category
 * {@code treatedAs}, plus the actions of a multi-action tool that are denied although the tool itself is not
 * ({@code deniedActions}, e.g. {@code action in [delete]} of a tool that may otherwise write; the tool is then
 * treated as its most severe allowed action).
 */
public record ToolPolicy(String tool, Category category, Category treatedAs, Treatment treatment,
                         List<DeniedActions> deniedActions) {
    public ToolPolicy {
        if (tool == null || tool.isEmpty()) throw new IllegalArgumentException("tool must not be empty");
        if (category == null || treatedAs == null || treatment == null)
            throw new IllegalArgumentException("tool '%s' needs a category and a treatment".formatted(tool));
        deniedActions = List.copyOf(deniedActions);
    }

    /**
     * Values of parameter {@code param} whose calls are denied, and why.
     *
     * @param category the most severe category among the denied values
     */
    public record DeniedActions(String param, List<String> values, Category category, String reason) {
        public DeniedActions {
            values = List.copyOf(values);
        }

        /** The argument path a gateway condition tests: {@code args.action}. */
        public String path() {
            return "args." + param;
        }
    }
}
