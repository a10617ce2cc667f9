package io.toolrisk.annotations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.json.ProfileJson;

import java.io.IOException;

/**
 * The JSON of {@link SuggestedAnnotations}: {@code annotations} is the object to paste into the tool's definition as it
 * is; the rest says why.
 * <pre>
 * {"tool", "server"?, "category",
 *  "annotations": {"title", "readOnlyHint", "destructiveHint"?, "idempotentHint"?, "openWorldHint"?},
 *  "declared"?: {the hints the author declared},
 *  "contradicts": [{"hint", "declared", "suggested"}],
 *  "why": {"title": {"reason"}, "readOnlyHint": {"reason", "evidence": [...], "flags"?: [...]}, ...}}
 * </pre>
 */
public final class SuggestedAnnotationsJson {
    private SuggestedAnnotationsJson() {
    }

    public static void write(JsonGenerator out, SuggestedAnnotations s) throws IOException {
        out.writeStartObject();
        out.writeStringField("tool", s.tool().name());
        if (s.tool().server().isPresent()) out.writeStringField("server", s.tool().server().get());
        out.writeStringField("category", s.profile().category().wireName());
        out.writeObjectFieldStart("annotations");
        out.writeStringField("title", s.title());
        for (HintSuggestion h : s.hints()) out.writeBooleanField(h.hint().key(), h.value());
        out.writeEndObject();
        if (s.tool().annotations().declaresAnyHint()) {
            out.writeObjectFieldStart("declared");
            for (Hint hint : Hint.values()) {
                var declared = hint.declaredIn(s.tool().annotations());
                if (declared.isPresent()) out.writeBooleanField(hint.key(), declared.get());
            }
            out.writeEndObject();
        }
        out.writeArrayFieldStart("contradicts");
        for (Contradiction c : s.contradictions()) {
            out.writeStartObject();
            out.writeStringField("hint", c.hint().key());
            out.writeBooleanField("declared", c.declared());
            out.writeBooleanField("suggested", c.suggested());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeObjectFieldStart("why");
        out.writeObjectFieldStart("title");
        out.writeStringField("reason", s.titleFromName() ? "made from the name: the tool has no title" : "the tool's own title");
        out.writeEndObject();
        for (HintSuggestion h : s.hints()) {
            out.writeObjectFieldStart(h.hint().key());
            out.writeStringField("reason", h.reason());
            out.writeArrayFieldStart("evidence");
            for (Evidence e : h.evidence()) ProfileJson.write(out, e);
            out.writeEndArray();
            if (!h.flags().isEmpty()) {
                out.writeArrayFieldStart("flags");
                for (Flag f : h.flags()) ProfileJson.write(out, f);
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
    }
}
