package io.toolrisk.classifier;

import io.toolrisk.catalogue.Evidence;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;

/**
 * One rule matching one place of a tool: the field (and its path, a JSON pointer for schema text), the
 * quote with its UTF-16 span, the weight the match carries after position factors, and the clause of the
 * field it stands in (for prose; always 0 in identifiers).
 */
record Hit(Rule rule, Field field, String path, String quote, int start, int end, double weight, int clause) {
    Evidence evidence() {
        return new Evidence(path, quote, start, end, rule.id());
    }
}
