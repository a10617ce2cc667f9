package io.toolrisk.catalogue;

/**
 * One tool of a catalogue snapshot: its definition as the server sent it, its risk profile, and the hash of
 * its definition (see {@link DefinitionHash}) by which refreshes tell a changed tool from an unchanged one.
 */
public record CataloguedTool(Tool tool, RiskProfile profile, String definitionHash) {
    public CataloguedTool {
        if (tool == null || profile == null)
            throw new IllegalArgumentException("a catalogued tool needs a tool and a profile");
        Evidence.requireText("definitionHash", definitionHash);
    }

    /** A catalogued tool whose hash is computed from {@code tool}. */
    public static CataloguedTool of(Tool tool, RiskProfile profile) {
        return new CataloguedTool(tool, profile, DefinitionHash.of(tool));
    }
}
