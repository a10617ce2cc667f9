package io.toolrisk.classifier;

import io.toolrisk.catalogue.Evidence;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;

/**
 * One rule matching one place of a tool: the field, the UTF-16 span of the match, the weight the match
 * carries after position factors, and the clause of the field it stands in (for prose; 0 in identifiers).
 * The quote is cut from the field only when asked for.
 */
record Hit(Rule rule, FieldText text, int start, int end, double weight, int clause) {
    Field field() {
        return text.field();
    }

    String path() {
        return text.path();
    }

    String quote() {
        return text.text().substring(start, end);
    }

    Evidence evidence() {
        return new Evidence(path(), quote(), start, end, rule.id());
    }
}
