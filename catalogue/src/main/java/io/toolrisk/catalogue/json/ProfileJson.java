package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The risk-profile JSON of DESIGN.md, written field by field so that the same profile is always the same
 * bytes: {@code server, tool, category, severity, confidence, evidence, flags, actions (when any), ruleset}.
 */
public final class ProfileJson {
    // Names and the few values there are, encoded once: a classify run writes millions of them.
    private static final SerializableString SERVER = new SerializedString("server");
    private static final SerializableString TOOL = new SerializedString("tool");
    private static final SerializableString CATEGORY = new SerializedString("category");
    private static final SerializableString SEVERITY = new SerializedString("severity");
    private static final SerializableString CONFIDENCE = new SerializedString("confidence");
    private static final SerializableString EVIDENCE = new SerializedString("evidence");
    private static final SerializableString FIELD = new SerializedString("field");
    private static final SerializableString QUOTE = new SerializedString("quote");
    private static final SerializableString START = new SerializedString("start");
    private static final SerializableString END = new SerializedString("end");
    private static final SerializableString RULE = new SerializedString("rule");
    private static final SerializableString FLAGS = new SerializedString("flags");
    private static final SerializableString FLAG = new SerializedString("flag");
    private static final SerializableString DETAIL = new SerializedString("detail");
    private static final SerializableString ACTIONS = new SerializedString("actions");
    private static final SerializableString PARAM = new SerializedString("param");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString RULESET = new SerializedString("ruleset");
    private static final SerializableString[] CATEGORIES = wireNames(Category.values(), Category::wireName);
    private static final SerializableString[] SEVERITIES = wireNames(Severity.values(), Severity::wireName);
    private static final SerializableString[] FLAG_KINDS = wireNames(FlagKind.values(), FlagKind::wireName);
    /** Confidence k/100 as {@link Double#toString} writes it, which is what {@code writeNumber(double)} writes. */
    private static final String[] HUNDREDTHS = new String[101];

    static {
        for (int k = 0; k <= 100; k++) HUNDREDTHS[k] = Double.toString(k / 100.0);
    }

    private ProfileJson() {
    }

    private static <E> SerializableString[] wireNames(E[] values, Function<E, String> name) {
        var out = new SerializableString[values.length];
        for (int i = 0; i < values.length; i++) out[i] = new SerializedString(name.apply(values[i]));
        return out;
    }

    public static void write(JsonGenerator out, RiskProfile p) throws IOException {
        out.writeStartObject();
        if (p.server().isPresent()) string(out, SERVER, p.server().get());
        string(out, TOOL, p.tool());
        out.writeFieldName(CATEGORY);
        out.writeString(CATEGORIES[p.category().ordinal()]);
        out.writeFieldName(SEVERITY);
        out.writeString(SEVERITIES[p.severity().ordinal()]);
        out.writeFieldName(CONFIDENCE);
        long hundredths = Math.round(p.confidence() * 100);
        // A token buffer (a profile turned into a tree) keeps a number written as text as text: it gets the double.
        if (hundredths >= 0 && hundredths <= 100 && !(out instanceof TokenBuffer)) out.writeNumber(HUNDREDTHS[(int) hundredths]);
        else out.writeNumber(roundConfidence(p.confidence()));
        out.writeFieldName(EVIDENCE);
        out.writeStartArray();
        for (Evidence e : p.evidence()) write(out, e);
        out.writeEndArray();
        out.writeFieldName(FLAGS);
        out.writeStartArray();
        for (Flag f : p.flags()) write(out, f);
        out.writeEndArray();
        if (!p.actions().isEmpty()) {
            out.writeFieldName(ACTIONS);
            out.writeStartArray();
            for (ActionProfile a : p.actions()) {
                out.writeStartObject();
                string(out, PARAM, a.param());
                string(out, VALUE, a.value());
                out.writeFieldName(CATEGORY);
                out.writeString(CATEGORIES[a.category().ordinal()]);
                out.writeFieldName(SEVERITY);
                out.writeString(SEVERITIES[a.severity().ordinal()]);
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        string(out, RULESET, p.ruleset());
        out.writeEndObject();
    }

    /** One evidence entry as profiles carry it: {@code {"field","quote","start","end","rule"}}. */
    public static void write(JsonGenerator out, Evidence e) throws IOException {
        out.writeStartObject();
        string(out, FIELD, e.field());
        string(out, QUOTE, e.quote());
        out.writeFieldName(START);
        out.writeNumber(e.start());
        out.writeFieldName(END);
        out.writeNumber(e.end());
        string(out, RULE, e.rule());
        out.writeEndObject();
    }

    /** One flag as profiles carry it: {@code {"flag","field","quote","detail"}}. */
    public static void write(JsonGenerator out, Flag f) throws IOException {
        out.writeStartObject();
        out.writeFieldName(FLAG);
        out.writeString(FLAG_KINDS[f.flag().ordinal()]);
        string(out, FIELD, f.field());
        string(out, QUOTE, f.quote());
        string(out, DETAIL, f.detail());
        out.writeEndObject();
    }

    private static void string(JsonGenerator out, SerializableString name, String value) throws IOException {
        out.writeFieldName(name);
        out.writeString(value);
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
