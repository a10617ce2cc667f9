package io.toolrisk.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.json.ProfileJson;

import java.io.IOException;
import java.util.Map;

/**
 * The scan report for programs: {@code {"server","ruleset","summary":{"tools","categories","flags"},
 * "tools":[profile + "line"?],"rejected":[...]}}, tools in report order, each a DESIGN.md risk profile.
 */
final class JsonScanReport {
    private JsonScanReport() {
    }

    static void write(ScanReport report, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("server", report.server());
        out.writeStringField("ruleset", report.ruleset());
        out.writeObjectFieldStart("summary");
        out.writeNumberField("tools", report.tools().size());
        out.writeObjectFieldStart("categories");
        for (Map.Entry<Category, Long> c : report.countByCategory().entrySet()) out.writeNumberField(c.getKey().wireName(), c.getValue());
        out.writeEndObject();
        out.writeObjectFieldStart("flags");
        for (Map.Entry<FlagKind, Long> f : report.countByFlag().entrySet()) out.writeNumberField(f.getKey().wireName(), f.getValue());
        out.writeEndObject();
        out.writeEndObject();
        out.writeArrayFieldStart("tools");
        for (ScannedTool t : report.tools()) ProfileJson.write(out, t.profile());
        out.writeEndArray();
        out.writeArrayFieldStart("rejected");
        for (String r : report.rejected()) out.writeString(r);
        out.writeEndArray();
        out.writeEndObject();
    }
}
