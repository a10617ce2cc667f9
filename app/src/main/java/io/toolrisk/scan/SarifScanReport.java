package io.toolrisk.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.Sha256;

import java.io.IOException;

/**
 * The scan report as SARIF 2.1.0, for code-scanning dashboards: one rule per category and per flag kind, one
 * result per tool for its category and one per flag, each located at the tool (a logical location, and the line
 * of the input file when the input was a file).
 */
final class SarifScanReport {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifScanReport() {
    }

    static String ruleId(Category category) {
        return "category/" + category.wireName();
    }

    static String ruleId(FlagKind flag) {
        return "flag/" + flag.wireName();
    }

    static String level(Category category) {
        return switch (category) {
            case READ -> "none";
            case WRITE -> "note";
            case EXECUTE -> "warning";
            case DESTRUCTIVE, FINANCIAL -> "error";
        };
    }

    static String level(FlagKind flag) {
        return switch (flag) {
            case ANNOTATION_CONFLICT, HIDDEN_INSTRUCTIONS, TOOL_SHADOWING -> "error";
            case INVISIBLE_CHARACTERS, PREFERENCE_MANIPULATION, CREDENTIAL_ACCESS -> "warning";
            case OPEN_WORLD -> "note";
        };
    }

    private static String describe(Category category) {
        return switch (category) {
            case READ -> "The tool retrieves data and changes nothing.";
            case WRITE -> "The tool creates or modifies data, reversibly.";
            case EXECUTE -> "The tool runs code, commands, queries or jobs, or sends messages: its effects depend on its arguments.";
            case DESTRUCTIVE -> "The tool deletes or overwrites data, or does something that cannot be undone.";
            case FINANCIAL -> "The tool moves money: payments, refunds, transfers, trades or purchases.";
        };
    }

    private static String describe(FlagKind flag) {
        return switch (flag) {
            case ANNOTATION_CONFLICT -> "The tool's MCP annotations contradict what its name, description or schema say it does.";
            case HIDDEN_INSTRUCTIONS -> "The definition holds text addressed to the model rather than the user (tool poisoning).";
            case TOOL_SHADOWING -> "The definition tells the model how to use, precede or replace another tool (tool shadowing).";
            case PREFERENCE_MANIPULATION -> "The definition promotes the tool to the model rather than describing what it does.";
            case INVISIBLE_CHARACTERS -> "The description holds invisible or bidirectional-control characters.";
            case CREDENTIAL_ACCESS -> "The tool reaches credentials, keys or secrets.";
            case OPEN_WORLD -> "The tool has effects outside the system it serves: email, messages, public posts.";
        };
    }

    static void write(ScanReport report, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("$schema", SCHEMA);
        out.writeStringField("version", "2.1.0");
        out.writeArrayFieldStart("runs");
        out.writeStartObject();
        writeTool(report, out);
        out.writeArrayFieldStart("results");
        for (ScannedTool t : report.tools()) {
            Category category = t.profile().category();
            writeResult(report, t, out, ruleId(category), level(category), categoryMessage(t));
            for (Flag f : t.profile().flags()) {
                writeResult(report, t, out, ruleId(f.flag()), level(f.flag()),
                        "Tool '%s': %s (\"%s\" in %s)".formatted(t.tool().name(), f.detail(),
                                TextScanReport.oneLine(f.quote()), f.field()));
            }
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeTool(ScanReport report, JsonGenerator out) throws IOException {
        out.writeObjectFieldStart("tool");
        out.writeObjectFieldStart("driver");
        out.writeStringField("name", "ToolRisk");
        out.writeStringField("version", report.ruleset());
        out.writeStringField("semanticVersion", "0.1.0");
        out.writeArrayFieldStart("rules");
        for (Category c : Category.values()) writeRule(out, ruleId(c), describe(c), level(c));
        for (FlagKind f : FlagKind.values()) writeRule(out, ruleId(f), describe(f), level(f));
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeRule(JsonGenerator out, String id, String description, String level) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id);
        out.writeObjectFieldStart("shortDescription");
        out.writeStringField("text", description);
        out.writeEndObject();
        out.writeObjectFieldStart("defaultConfiguration");
        out.writeStringField("level", level);
        out.writeEndObject();
        out.writeEndObject();
    }

    private static String categoryMessage(ScannedTool t) {
        var p = t.profile();
        String message = "Tool '%s' is %s (severity %s).".formatted(t.tool().name(), p.category().wireName(), p.severity().wireName());
        if (p.evidence().isEmpty()) return message;
        Evidence e = p.evidence().get(0);
        return message + " Evidence: \"%s\" in %s [%s].".formatted(TextScanReport.oneLine(e.quote()), e.field(), e.rule());
    }

    private static void writeResult(ScanReport report, ScannedTool t, JsonGenerator out, String ruleId, String level,
                                    String message) throws IOException {
        out.writeStartObject();
        out.writeStringField("ruleId", ruleId);
        out.writeStringField("level", level);
        out.writeObjectFieldStart("message");
        out.writeStringField("text", message);
        out.writeEndObject();
        out.writeArrayFieldStart("locations");
        out.writeStartObject();
        if (report.input().isPresent()) {
            out.writeObjectFieldStart("physicalLocation");
            out.writeObjectFieldStart("artifactLocation");
            out.writeStringField("uri", report.input().get());
            out.writeEndObject();
            if (t.line().isPresent()) {
                out.writeObjectFieldStart("region");
                out.writeNumberField("startLine", t.line().getAsLong());
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        out.writeArrayFieldStart("logicalLocations");
        out.writeStartObject();
        out.writeStringField("name", t.tool().name());
        out.writeStringField("fullyQualifiedName", report.server() + "/" + t.tool().name());
        out.writeStringField("kind", "function");
        out.writeEndObject();
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndArray();
        out.writeObjectFieldStart("partialFingerprints");
        out.writeStringField("toolrisk/v1", fingerprint(report.server() + "/" + t.tool().name() + "/" + ruleId));
        out.writeEndObject();
        out.writeEndObject();
    }

    private static String fingerprint(String key) {
        return Sha256.hex(key, 16);
    }
}
