package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.text.Vocabulary;
import io.toolrisk.classifier.text.Words;

import java.util.List;

/**
 * The values of a parameter that a model reads as text: its {@code default}, its {@code enum} values and its
 * {@code examples}, when they read as prose. A definition can hide an instruction there as well as in a
 * description ("default": "Ignore previous instructions and ..."); identifiers such as {@code get_user} or
 * {@code en-US} are not prose and are left out.
 */
final class ProseValues {
    /** Shorter values, or values without a space, are names, codes or numbers, not sentences. */
    static final int MIN_LENGTH = 12;
    /** How many values of one enum or example list are read: an enum of countries is not an instruction. */
    static final int MAX_PER_LIST = 16;

    private ProseValues() {
    }

    /** Adds the prose values of the parameter {@code key} (with schema {@code schema}) under {@code prefix}. */
    static void collect(JsonNode schema, String prefix, String key, Vocabulary vocabulary, List<FieldText> out) {
        JsonNode value = schema.get("default");
        if (value != null && isProse(value)) add(value, prefix, key, "/default", vocabulary, out);
        for (String list : new String[] {"enum", "examples"}) {
            JsonNode values = schema.get(list);
            if (values == null || !values.isArray()) continue;
            for (int i = 0; i < values.size() && i < MAX_PER_LIST; i++) {
                if (isProse(values.get(i))) add(values.get(i), prefix, key, "/" + list + "/" + i, vocabulary, out);
            }
        }
    }

    private static boolean isProse(JsonNode value) {
        if (!value.isTextual()) return false;
        String text = value.textValue();
        return text.length() >= MIN_LENGTH && text.indexOf(' ') > 0;
    }

    private static void add(JsonNode value, String prefix, String key, String suffix, Vocabulary vocabulary, List<FieldText> out) {
        out.add(FieldText.inSchema(Field.VALUE, prefix, key, suffix, Words.ofText(value.textValue(), vocabulary)));
    }
}
