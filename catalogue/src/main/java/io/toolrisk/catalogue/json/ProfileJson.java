package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The risk-profile JSON of DESIGN.md, written field by field so that the same profile is always the same
 * bytes: {@code server, tool, category, severity, confidence, evidence, flags, actions (when any), ruleset}.
 */
public final class ProfileJson {
    private ProfileJson() {
    }

    public static void write(JsonGenerator out, RiskProfile p) throws IOException {
        out.writeStartObject();
        if (p.server().isPresent()) out.writeStringField("server", p.server().get());
        out.writeStringField("tool", p.tool());
        out.writeStringField("category", p.category().wireName());
        out.writeStringField("severity", p.severity().wireName());
        out.writeFieldName("confidence");
        out.writeNumber(roundConfidence(p.confidence()));
        out.writeArrayFieldStart("evidence");
        for (Evidence e : p.evidence()) {
            out.writeStartObject();
            out.writeStringField("field", e.field());
            out.writeStringField("quote", e.quote());
            out.writeNumberField("start", e.start());
            out.writeNumberField("end", e.end());
            out.writeStringField("rule", e.rule());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("flags");
        for (Flag f : p.flags()) {
            out.writeStartObject();
            out.writeStringField("flag", f.flag().wireName());
            out.writeStringField("field", f.field());
            out.writeStringField("quote", f.quote());
            out.writeStringField("detail", f.detail());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (!p.actions().isEmpty()) {
            out.writeArrayFieldStart("actions");
            for (ActionProfile a : p.actions()) {
                out.writeStartObject();
                out.writeStringField("param", a.param());
                out.writeStringField("value", a.value());
                out.writeStringField("category", a.category().wireName());
                out.writeStringField("severity", a.severity().wireName());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeStringField("ruleset", p.ruleset());
        out.writeEndObject();
    }

    /** Writes the per-line error that stands in an output where a tool could not be read. */
    public static void writeError(JsonGenerator out, String error, long line) throws IOException {
        out.writeStartObject();
        out.writeStringField("error", error);
        out.writeNumberField("line", line);
        out.writeEndObject();
    }

    /** Two decimals, so that floating-point noise never changes the output bytes. */
    public static double roundConfidence(double confidence) {
        return Math.round(confidence * 100) / 100.0;
    }

    /**
     * Reads a profile written by {@link #write}.
     *
     * @throws IllegalArgumentException when a required field is missing or has an unknown value
     */
    public static RiskProfile read(JsonNode node) {
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : node.path("evidence")) {
            evidence.add(new Evidence(e.path("field").asText(), e.path("quote").asText(),
                    e.path("start").asInt(), e.path("end").asInt(), e.path("rule").asText()));
        }
        List<Flag> flags = new ArrayList<>();
        for (JsonNode f : node.path("flags")) {
            flags.add(new Flag(FlagKind.fromWireName(f.path("flag").asText()), f.path("field").asText(),
                    f.path("quote").asText(), f.path("detail").asText()));
        }
        List<ActionProfile> actions = new ArrayList<>();
        for (JsonNode a : node.path("actions")) {
            actions.add(new ActionProfile(a.path("param").asText(), a.path("value").asText(),
                    Category.fromWireName(a.path("category").asText())));
        }
        JsonNode server = node.get("server");
        return new RiskProfile(
                server != null && server.isTextual() ? Optional.of(server.textValue()) : Optional.empty(),
                node.path("tool").asText(),
                Category.fromWireName(node.path("category").asText()),
                node.path("confidence").asDouble(),
                evidence, flags, actions,
                node.path("ruleset").asText());
    }
}
