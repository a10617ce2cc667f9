package io.toolrisk.classifier.rules;

import io.toolrisk.catalogue.Category;

import java.util.Optional;

/**
 * A category pinned by a person for one tool, with the reason, shown in the profile as evidence of rule
 * {@code override}. Without a server it applies to the tool name on every server.
 */
public record ToolOverride(Optional<String> server, String tool, Category category, String reason) {
    public ToolOverride {
        server = server == null ? Optional.empty() : server;
        if (tool == null || tool.isBlank()) throw new IllegalArgumentException("an override needs a tool name");
        if (category == null) throw new IllegalArgumentException("override of '%s' needs a category".formatted(tool));
        if (reason == null || reason.isBlank())
            throw new IllegalArgumentException("override of '%s' needs a reason".formatted(tool));
    }
}
