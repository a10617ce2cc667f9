package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.TermMatcher;
import io.toolrisk.classifier.text.Words;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one tool definition with the compiled rules: cuts each field into words, matches every field once,
 * weighs each match by where it stands, and collects the votes for the tool, the votes for each value of
 * an operation parameter, and the flag matches. Not thread-safe; one per classification.
 */
final class ToolScan {
    // Where a word stands changes what it says. A verb in the name's verb slot says what the tool does; a
    // later name token is usually its object ("get_workflow_run"). A description's leading verb restates
    // the name; words further on are often context ("returns the run that deployed it").
    static final double NAME_SLOT = 1.0;
    static final double NAME_OTHER = 0.3;
    static final double TITLE_LEAD = 0.9;
    static final double DESCRIPTION_LEAD = 0.8;
    static final double TEXT_OTHER = 0.3;
    static final double PROPERTY = 0.4;
    static final double PROPERTY_DESCRIPTION = 0.15;
    static final double ANNOTATION = 1.0;
    /** Negation words this many words before a match (in the same clause) cancel it. */
    static final int NEGATION_WINDOW = 3;
    /** How far into a description its leading verb may stand, after fillers such as "Use this tool to". */
    static final int LEAD_SEARCH = 8;

    final Votes votes = new Votes();
    final List<Hit> flagHits = new ArrayList<>();
    final List<FieldText> texts = new ArrayList<>(16);
    /** The operation parameter and the votes for each of its values; empty when the tool has none. */
    Optional<ActionParameter> actionParameter = Optional.empty();

    private final CompiledRules rules;
    private final Tool tool;
    private BitSet contextWords;

    record ActionParameter(String param, String path, List<String> values, List<Votes> votes) {
    }

    ToolScan(CompiledRules rules, Tool tool) {
        this.rules = rules;
        this.tool = tool;
    }

    ToolScan run() {
        collectTexts();
        for (FieldText t : texts) {
            switch (t.field()) {
                case NAME -> matchIdentifier(t, NAME_SLOT, NAME_OTHER, this::accept);
                case TITLE -> matchText(t, TITLE_LEAD, TEXT_OTHER, this::accept);
                case DESCRIPTION -> matchText(t, DESCRIPTION_LEAD, TEXT_OTHER, this::accept);
                case PROPERTY -> matchIdentifier(t, PROPERTY, PROPERTY, this::accept);
                case PROPERTY_DESCRIPTION -> matchText(t, PROPERTY_DESCRIPTION, PROPERTY_DESCRIPTION, this::accept);
                case ENUM, ANNOTATIONS -> { }
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
    boolean saysItOnlyReads(io.toolrisk.catalogue.Category base) {
        if (base != io.toolrisk.catalogue.Category.READ) return false;
        for (Hit h : votes.supporting(io.toolrisk.catalogue.Category.READ)) {
            if (h.rule().scope() && (h.field() == Field.DESCRIPTION || h.field() == Field.TITLE)) return true;
        }
        return false;
    }

    private void accept(Hit hit) {
        switch (hit.rule().target()) {
            case Rule.Target.Vote v -> votes.add(hit);
            case Rule.Target.Raise r -> flagHits.add(hit);
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
            JsonNode schema = property.getValue();
            JsonNode description = schema.path("description");
            if (description.isTextual() && !description.textValue().isEmpty())
                texts.add(FieldText.inSchema(Field.PROPERTY_DESCRIPTION, prefix, key, "/description",
                        Words.ofText(description.textValue(), rules.vocabulary)));
            if (depth == 0 && actionCandidate == null && isActionParam(name)) {
                List<String> values = enumValues(schema);
                if (values.size() >= 2) {
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

    /** The first top-level parameter named like an operation selector with two or more enum values. */
    private String actionCandidate;
    private List<String> actionValues;

    /**
     * Identifier fields. The verb slot is the leftmost match that is not also a common noun: the first token
     * ("delete_repo"), or after a namespace ("mobile_launch_app", "atlas-create-access-list"), or at the end
     * ("compute_vm_create", "loadtesting_test_get": "test" is a noun there). A verb that is as often a noun
     * ("run", "merge", "comment") takes the slot only when nothing else can ("merge_pull_request"). Whatever
     * follows "and"/"or" is a slot too ("get_or_create").
     */
    private void matchIdentifier(FieldText t, double slotFactor, double otherFactor, Consumer<Hit> out) {
        matchIdentifier(rules.matcher(t.field()), t, slotFactor, otherFactor, out);
    }

    private void matchIdentifier(TermMatcher matcher, FieldText t, double slotFactor, double otherFactor, Consumer<Hit> out) {
        if (matcher == null || t.words().size() == 0) return;
        List<int[]> found = new ArrayList<>(4);
        matcher.match(t.words(), (payload, from, to) -> {
            Rule rule = rules.rules[payload];
            if (rule.context().isEmpty() || inContext(payload)) found.add(new int[] {payload, from, to});
        });
        if (found.isEmpty()) return;
        Words w = t.words();
        int slot = verbSlot(found, w);
        List<Hit> hits = new ArrayList<>(found.size());
        for (int[] m : found) {
            Rule rule = rules.rules[m[0]];
            int from = m[1];
            boolean inSlot = from == slot || (from > 0 && w.position(from - 1) == w.position(from) - 1
                    && rules.isConjunction(w.id(from - 1)));
            double factor = inSlot || rule.anyPosition() ? slotFactor : otherFactor;
            hits.add(hit(rule, t, from, m[2], rule.weight() * factor));
        }
        emitInScope(hits, out);
    }

    /**
     * The token index where the verb slot's match starts, or -1 when there is none (only nouns, none of them
     * first: "browser_network_request"); {@code found} is in token order.
     */
    private int verbSlot(List<int[]> found, Words w) {
        int first = -1;
        for (int[] m : found) {
            if (!(rules.rules[m[0]].target() instanceof Rule.Target.Vote)) continue; // flags take no slot
            boolean noun = m[2] - m[1] == 1 && rules.isNoun(w.id(m[1]));
            if (!noun) return m[1];
            if (first < 0) first = m[1];
        }
        return first >= 0 && w.position(first) == 0 ? first : -1;
    }

    /**
     * Passes the hits of one field on, except the votes for a change that stand in the same clause as a
     * scope rule ("a read-only query", "dry run of the deployment"): the scope says what they amount to.
     */
    private static void emitInScope(List<Hit> hits, Consumer<Hit> out) {
        long scopes = 0;
        for (Hit h : hits) {
            if (h.rule().scope()) scopes |= 1L << Math.min(h.clause(), 63);
        }
        for (Hit h : hits) {
            boolean change = h.rule().target() instanceof Rule.Target.Vote(var c) && c != io.toolrisk.catalogue.Category.READ;
            if (change && (scopes & (1L << Math.min(h.clause(), 63))) != 0) continue;
            out.accept(h);
        }
    }

    /**
     * Prose fields: a match preceded closely by a negation in its clause does not count ("does not modify",
     * "without deleting"); the leading verb of the first clause (and verbs joined to it by "and"/"or")
     * weighs {@code leadFactor}, everything else {@code otherFactor}.
     */
    private void matchText(FieldText t, double leadFactor, double otherFactor, Consumer<Hit> out) {
        matchTerms(rules.matcher(t.field()), t, leadFactor, otherFactor, out);
        LiteralMatcher literals = rules.literalMatcher(t.field());
        if (literals != null) {
            literals.match(t.words(), (id, start, end) -> {
                Rule rule = rules.rules[id];
                out.accept(new Hit(rule, t, start, end, rule.weight() * leadFactor, 0));
            });
        }
    }

    private void matchTerms(TermMatcher matcher, FieldText t, double leadFactor, double otherFactor, Consumer<Hit> out) {
        Words w = t.words();
        if (matcher != null && w.size() > 0) {
            int lead = leadPosition(w);
            int leadSentence = sentenceAt(w, lead);
            // The current leading match: its first index and the position of its last word; -1 before the
            // first match, -2 once the first match was not a leading one.
            int[] leading = {-1, -1};
            List<Hit> hits = new ArrayList<>();
            matcher.match(w, (payload, from, to) -> {
                Rule rule = rules.rules[payload];
                if (negated(w, from)) return;
                if (!rule.context().isEmpty() && !inContext(payload)) return;
                boolean isLead;
                if (!(rule.target() instanceof Rule.Target.Vote)) {
                    isLead = false; // a flag's words are no verb of the tool
                } else if (leading[0] == -1) {
                    // The first verb of the first clause, a few words in at most: "Deletes ...", "Use this
                    // tool to delete ...", "TFT tool for retrieving ...".
                    isLead = w.position(from) < lead + LEAD_SEARCH && w.sentence(from) == leadSentence;
                } else if (leading[0] >= 0) {
                    isLead = from == leading[0] || w.position(from) == leading[1] + 2
                            && w.position(from - 1) == leading[1] + 1 && rules.isConjunction(w.id(from - 1));
                } else {
                    isLead = false;
                }
                if (isLead) {
                    leading[0] = from;
                    leading[1] = w.position(to - 1);
                } else if (leading[0] == -1 && rule.target() instanceof Rule.Target.Vote) {
                    leading[0] = -2;
                }
                hits.add(hit(rule, t, from, to, rule.weight() * (isLead || rule.anyPosition() ? leadFactor : otherFactor)));
            });
            emitInScope(hits, out);
        }
    }

    /** The position of the first word that is not a filler such as "Use this tool to". */
    private int leadPosition(Words w) {
        int expected = 0;
        for (int i = 0; i < w.size() && expected < LEAD_SEARCH; i++) {
            if (w.position(i) != expected) return expected; // an unknown word: no filler is unknown
            if (!rules.isFiller(w.id(i))) return expected;
            expected++;
        }
        return Math.min(expected, LEAD_SEARCH);
    }

    /** The clause of the first known word at or after {@code position}. */
    private static int sentenceAt(Words w, int position) {
        for (int i = 0; i < w.size(); i++) {
            if (w.position(i) >= position) return w.sentence(i);
        }
        return -1;
    }

    private boolean negated(Words w, int from) {
        int sentence = w.sentence(from);
        int position = w.position(from);
        for (int k = from - 1; k >= 0 && w.position(k) >= position - NEGATION_WINDOW; k--) {
            if (w.sentence(k) != sentence) return false;
            if (rules.isNegation(w.id(k))) return true;
        }
        return false;
    }

    /** True when one of the rule's context words is among the name, property-name or description words. */
    private boolean inContext(int rule) {
        if (contextWords == null) {
            contextWords = new BitSet(rules.vocabulary.size());
            for (FieldText t : texts) {
                if (t.field() == Field.NAME || t.field() == Field.PROPERTY || t.field() == Field.DESCRIPTION) {
                    for (int i = 0; i < t.words().size(); i++) {
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
            accept(new Hit(rule, text, 0, quote.length(), rule.weight() * ANNOTATION, 0));
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
        boolean any = false;
        for (int i = 0; i < actionValues.size(); i++) {
            Votes v = new Votes();
            var text = FieldText.of(Field.ENUM, path + i, Words.ofIdentifier(actionValues.get(i), rules.vocabulary));
            texts.add(text);
            matchIdentifier(text, NAME_SLOT, NAME_OTHER, hit -> {
                switch (hit.rule().target()) {
                    case Rule.Target.Vote vote -> v.add(hit);
                    case Rule.Target.Raise raise -> flagHits.add(hit);
                }
            });
            any |= !v.isEmpty();
            perValue.add(v);
        }
        if (any) actionParameter = Optional.of(new ActionParameter(actionCandidate, path, actionValues, perValue));
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

    private static Hit hit(Rule rule, FieldText t, int from, int to, double weight) {
        Words w = t.words();
        int start = w.start(from);
        int end = w.end(to - 1);
        return new Hit(rule, t, start, end, weight, w.sentence(from));
    }

    /** RFC 6901: '~' becomes "~0" and '/' becomes "~1". */
    static String pointerEscape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
        return key.replace("~", "~0").replace("/", "~1");
    }
}
