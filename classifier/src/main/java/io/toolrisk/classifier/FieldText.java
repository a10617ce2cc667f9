package io.toolrisk.classifier;

import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.text.Words;

/** One place of a tool definition that rules read: its field kind, its path in the profile, and its words. */
record FieldText(Field field, String path, Words words) {
    String text() {
        return words.source();
    }
}
