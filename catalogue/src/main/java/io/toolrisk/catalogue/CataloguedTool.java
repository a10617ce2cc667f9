package io.toolrisk.catalogue;

/**
 * One tool of a catalogue snapshot: its definition as the server sent it, its risk profile, and the hash of
 * its definition ({@code io.toolrisk.catalogue.json.DefinitionHash}) by which refreshes tell a changed tool from an
 * unchanged one.
 */
public record CataloguedTool(Tool tool, RiskProfile profile, String definitionHash) {
    public CataloguedTool {
        if (tool == null || profile == null)
            throw new IllegalArgumentException("a catalogued tool needs a tool and a profile");
        Evidence.requireText("definitionHash", definitionHash);
    }
}
