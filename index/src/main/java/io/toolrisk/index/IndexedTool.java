package io.toolrisk.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;

/**
 * One tool as the index holds it: the definition the server sent, its profile, the definition hash, and the
 * listing JSON ({@code item}: profile, title, description) the API serves.
 */
public record IndexedTool(String server, Tool tool, RiskProfile profile, String hash, ObjectNode item) {
}
