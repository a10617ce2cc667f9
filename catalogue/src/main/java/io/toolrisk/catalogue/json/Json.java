package io.toolrisk.catalogue.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for everything ToolRisk reads and writes. Reads are bounded, because tool
 * definitions come from strangers: nesting depth and string length have limits a real tool never reaches.
 * Thread-safe; share it.
 */
public final class Json {
    /** Deeper than any real inputSchema (the corpus maximum is under 20) and far below a stack overflow. */
    public static final int MAX_NESTING_DEPTH = 256;
    /** One string (a description, say) may not exceed this; the longest real description is 54 KB. */
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build()
            // Values written one after another are separated by the writer's own newlines, not by a space.
            .setRootValueSeparator(null);

    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    /** Reads exactly one JSON value: content after it (a second object on one line, say) is an error. */
    public static final ObjectReader ONE_VALUE = MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }
}
