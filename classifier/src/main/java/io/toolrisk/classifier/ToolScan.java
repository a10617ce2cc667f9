package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.Words;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one tool definition with the compiled rules: cuts each field (name, title, description, schema
 * property names and descriptions, nested one or two levels, the values of an operation parameter) into
 * words, has the {@link FieldMatcher} match each once, and collects the votes for the tool, the votes for
 * each value of an operation parameter, and the flag matches. Not thread-safe; one per classification.
 */
final class ToolScan {
    final Votes votes = new Votes();
    final List<Hit> flagHits = new ArrayList<>();
    final List<FieldText> texts = new ArrayList<>(16);
    /** Cue rules' literal matches ({@code ~/.ssh}, {@code | sh}), for the poisoning detectors. */
    final List<Hit> cueHits = new ArrayList<>(0);
    /** Parameter values that read as prose (defaults, enum values, examples), for the poisoning detectors. */
    final List<FieldText> values = new ArrayList<>(0);
    /** The operation parameter and the votes for each of its values; empty when the tool has none. */
    Optional<ActionParameter> actionParameter = Optional.empty();

    private final CompiledRules rules;
    private final Tool tool;
    private final FieldMatcher matcher;
    private BitSet contextWords;

    /**
     * The operation parameter: its values, the votes for each, and which values are the way out of an operation in
     * progress ({@code abort} beside {@code start} and {@code continue}), which are never its dangerous actions.
     */
    record ActionParameter(String param, String path, List<String> values, List<Votes> votes, BitSet exits) {
    }

    /** Values that begin or carry on the tool's own operation ("start", "continue" of a rebase). */
    static final Set<String> OPERATION_STEPS = Set.of("start", "begin", "run", "continue", "resume", "skip", "execute");
    /** Values that leave an operation in progress ("abort" of a rebase). */
    static final Set<String> OPERATION_EXITS = Set.of("abort", "cancel", "quit", "stop");

    ToolScan(CompiledRules rules, Tool tool) {
        this.rules = rules;
        this.tool = tool;
        this.matcher = new FieldMatcher(rules, this::inContext);
    }

    ToolScan run() {
        collectTexts();
        // The title and description first: what their first sentence says of the whole tool ("Build an unsigned
        // transaction") also bounds what its name may say ("prepare_token_send").
        int scope = FieldMatcher.NO_SCOPE;
        for (FieldText t : texts) {
            switch (t.field()) {
                case TITLE -> scope = Math.min(scope, matcher.matchText(t, FieldMatcher.TITLE_LEAD, FieldMatcher.TEXT_OTHER, this::accept));
                case DESCRIPTION -> scope = Math.min(scope,
                        matcher.matchText(t, FieldMatcher.DESCRIPTION_LEAD, FieldMatcher.TEXT_OTHER, this::accept));
                case NAME, PROPERTY, PROPERTY_DESCRIPTION, ENUM, ANNOTATIONS, VALUE, INSTRUCTIONS -> { }
            }
        }
        for (FieldText t : texts) {
            switch (t.field()) {
                case NAME -> matcher.matchIdentifier(t, FieldMatcher.NAME_SLOT, FieldMatcher.NAME_OTHER, scope, this::accept);
                case TITLE, DESCRIPTION -> { }
                case PROPERTY -> matcher.matchIdentifier(t, FieldMatcher.PROPERTY, FieldMatcher.PROPERTY, this::accept);
                case PROPERTY_DESCRIPTION -> matcher.matchText(t, FieldMatcher.PROPERTY_DESCRIPTION,
                        FieldMatcher.PROPERTY_DESCRIPTION, FieldMatcher.PROPERTY_WARNING, this::accept);
                case ENUM, ANNOTATIONS, VALUE, INSTRUCTIONS -> { }
            }
        }
        matchHints();
        scanActionParameter();
        return this;
    }

    /**
     * True when the verdict is read and the tool says so itself ("It is read-only and does not mutate
     * data"): a parameter named "action" of such a tool filters what is read (to-dos by the action that
     * created them), it does not select an operation.
     */
    boolean saysItOnlyReads(Category base) {
        if (base != Category.READ) return false;
        for (Hit h : votes.supporting(Category.READ)) {
            if (h.rule().scope() && (h.field() == Field.DESCRIPTION || h.field() == Field.TITLE)) return true;
        }
        return false;
    }

    private void accept(Hit hit) {
        switch (hit.rule().target()) {
            case Rule.Target.Vote v -> votes.add(hit);
            case Rule.Target.Raise r -> flagHits.add(hit);
            case Rule.Target.Mark m -> cueHits.add(hit);
        }
    }

    private void collectTexts() {
        texts.add(FieldText.of(Field.NAME, "name", Words.ofIdentifier(tool.name(), rules.vocabulary)));
        if (tool.title().isPresent()) {
            texts.add(FieldText.of(Field.TITLE, "title", Words.ofText(tool.title().get(), rules.vocabulary)));
        } else if (tool.annotations().title().isPresent()) {
            texts.add(FieldText.of(Field.TITLE, "annotations/title",
                    Words.ofText(tool.annotations().title().get(), rules.vocabulary)));
        }
        if (!tool.description().isEmpty())
            texts.add(FieldText.of(Field.DESCRIPTION, "description", Words.ofText(tool.description(), rules.vocabulary)));
        collectProperties(tool.inputSchema().path("properties"), "inputSchema/properties/", 0);
    }

    /** How deep into nested object parameters ("params": {"properties": ...}) the scan reads. */
    static final int MAX_PROPERTY_DEPTH = 2;

    private void collectProperties(JsonNode properties, String prefix, int depth) {
        if (!properties.isObject()) return;
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String key = property.getKey();
            Words name = Words.ofIdentifier(key, rules.vocabulary);
            texts.add(FieldText.inSchema(Field.PROPERTY, prefix, key, "", name));
            ProseValues.collectName(prefix, key, rules.vocabulary, values);
            JsonNode schema = property.getValue();
            JsonNode description = schema.path("description");
            if (description.isTextual() && !description.textValue().isEmpty())
                texts.add(FieldText.inSchema(Field.PROPERTY_DESCRIPTION, prefix, key, "/description",
                        Words.ofText(description.textValue(), rules.vocabulary)));
            if (schema.size() > (description.isMissingNode() ? 1 : 2)) ProseValues.collect(schema, prefix, key, rules.vocabulary, values);
            if (depth == 0 && actionCandidate == null && isActionParam(name)) {
                List<String> values = enumValues(schema);
                if (values.size() >= 2 && values.size() <= MAX_ACTIONS) {
                    actionCandidate = key;
                    actionValues = values;
                }
            }
            if (depth < MAX_PROPERTY_DEPTH && schema.isObject()) {
                JsonNode nested = schema.get("properties");
                if (nested != null) collectProperties(nested, prefix + pointerEscape(key) + "/properties/", depth + 1);
                JsonNode items = schema.get("items");
                if (items != null && items.has("properties"))
                    collectProperties(items.get("properties"), prefix + pointerEscape(key) + "/items/properties/", depth + 1);
            }
        }
    }

    /**
     * An operation selector has a handful of values; an enum longer than this lists things (regions, languages),
     * not operations, and would make the profile as long as the enum.
     */
    static final int MAX_ACTIONS = 64;

    /** The first top-level parameter named like an operation selector with two or more enum values. */
    private String actionCandidate;
    private List<String> actionValues;

    /**
     * True when one of the rule's context words is among the name, property-name or description words; a
     * description word that is negated ("no payment method is required") is no context.
     */
    boolean inContext(int rule) {
        if (contextWords == null) {
            contextWords = new BitSet(rules.vocabulary.size());
            for (FieldText t : texts) {
                if (t.field() == Field.NAME || t.field() == Field.PROPERTY || t.field() == Field.DESCRIPTION) {
                    for (int i = 0; i < t.words().size(); i++) {
                        if (t.field() == Field.DESCRIPTION && FieldMatcher.negated(rules, t.words(), i)) continue;
                        contextWords.set(t.words().id(i));
                    }
                }
            }
        }
        for (int id : rules.contexts[rule]) {
            if (contextWords.get(id)) return true;
        }
        return false;
    }

    private void matchHints() {
        ToolAnnotations a = tool.annotations();
        if (!a.declaresAnyHint()) return;
        for (int id : rules.hintRules) {
            Rule rule = rules.rules[id];
            String first = null;
            boolean all = true;
            for (Map.Entry<String, Boolean> hint : rule.hints().entrySet()) {
                Optional<Boolean> declared = switch (hint.getKey()) {
                    case "readOnlyHint" -> a.readOnlyHint();
                    case "destructiveHint" -> a.destructiveHint();
                    case "idempotentHint" -> a.idempotentHint();
                    case "openWorldHint" -> a.openWorldHint();
                    default -> Optional.empty();
                };
                if (declared.isEmpty() || declared.get() != hint.getValue().booleanValue()) {
                    all = false;
                    break;
                }
                if (first == null) first = hint.getKey();
            }
            if (!all || first == null) continue;
            String quote = rule.hints().get(first).toString();
            var text = FieldText.of(Field.ANNOTATIONS, "annotations/" + first, Words.ofText(quote, rules.vocabulary));
            accept(new Hit(rule, text, 0, quote.length(), rule.weight() * FieldMatcher.ANNOTATION, 0));
        }
    }

    /**
     * A multi-action tool: the first parameter named like an operation selector whose enum has two or more
     * values of which at least one matches a rule. Each value is read like a tool name.
     */
    private void scanActionParameter() {
        if (actionCandidate == null || rules.matcher(Field.ENUM) == null) return;
        String path = "inputSchema/properties/" + pointerEscape(actionCandidate) + "/enum/";
        List<Votes> perValue = new ArrayList<>(actionValues.size());
        List<FieldText> valueTexts = new ArrayList<>(actionValues.size());
        List<Hit> valueFlags = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < actionValues.size(); i++) {
            Votes v = new Votes();
            var text = FieldText.of(Field.ENUM, path + i, Words.ofIdentifier(actionValues.get(i), rules.vocabulary));
            valueTexts.add(text);
            matcher.matchIdentifier(text, FieldMatcher.NAME_SLOT, FieldMatcher.NAME_OTHER, hit -> {
                switch (hit.rule().target()) {
                    case Rule.Target.Vote vote -> v.add(hit);
                    case Rule.Target.Raise raise -> valueFlags.add(hit);
                    case Rule.Target.Mark mark -> { } // cues read only prose
                }
            });
            any |= !v.isEmpty();
            perValue.add(v);
        }
        // Values that select no operation ("credential", "key" of an auth-method) are labels, not actions:
        // neither their words nor their flags say anything about the tool.
        if (!any) return;
        texts.addAll(valueTexts);
        flagHits.addAll(valueFlags);
        actionParameter = Optional.of(new ActionParameter(actionCandidate, path, actionValues, perValue,
                lifecycle(actionValues, perValue)));
    }

    /**
     * In an operation's life cycle ("start", "continue", "abort", "skip" of git_rebase) the steps are the operation
     * itself, so their own words ("start" is execute) give way to the tool's (they take the tool's category), and the
     * exits are ways out, not destruction. Returns the exits; none when the values are no such cycle (an "abort"
     * with no "start" or "continue" beside it ends something else).
     */
    private static BitSet lifecycle(List<String> values, List<Votes> perValue) {
        BitSet exits = new BitSet();
        boolean step = false;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).toLowerCase(Locale.ROOT);
            if (OPERATION_STEPS.contains(v)) step = true;
            if (OPERATION_EXITS.contains(v)) exits.set(i);
        }
        if (!step || exits.isEmpty()) return new BitSet();
        for (int i = 0; i < values.size(); i++) {
            if (OPERATION_STEPS.contains(values.get(i).toLowerCase(Locale.ROOT))) perValue.set(i, new Votes());
        }
        return exits;
    }

    /** "action", "operation", also "action_type" or "httpMethod": the first or last token names an operation. */
    private boolean isActionParam(Words w) {
        if (w.size() == 0) return false;
        int last = w.size() - 1;
        return w.position(0) == 0 && rules.isActionParam(w.id(0))
                || w.position(last) == w.wordCount() - 1 && rules.isActionParam(w.id(last));
    }

    /** String values of {@code enum}, of {@code items.enum}, or of {@code oneOf}/{@code anyOf} constants. */
    private static List<String> enumValues(JsonNode schema) {
        JsonNode e = schema.path("enum");
        if (!e.isArray()) e = schema.path("items").path("enum");
        List<String> values = new ArrayList<>();
        if (e.isArray()) {
            for (JsonNode v : e) {
                if (v.isTextual()) values.add(v.textValue());
            }
            return values;
        }
        for (String key : new String[] {"oneOf", "anyOf"}) {
            JsonNode alternatives = schema.path(key);
            if (!alternatives.isArray()) continue;
            for (JsonNode alt : alternatives) {
                if (alt.path("const").isTextual()) values.add(alt.get("const").textValue());
            }
        }
        return values;
    }

    /** RFC 6901: '~' becomes "~0" and '/' becomes "~1". */
    static String pointerEscape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
        return key.replace("~", "~0").replace("/", "~1");
    }
}
