package io.toolrisk.scan;

import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;

import java.util.OptionalLong;

/** One tool of a scan: its definition, its profile, and the line of the input file it came from, when it came from one. */
public record ScannedTool(Tool tool, RiskProfile profile, OptionalLong line) {
    public ScannedTool {
        if (tool == null || profile == null) throw new IllegalArgumentException("a scanned tool needs a tool and a profile");
        line = line == null ? OptionalLong.empty() : line;
    }
}
