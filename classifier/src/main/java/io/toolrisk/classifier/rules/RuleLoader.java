package io.toolrisk.classifier.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads rulesets and override lists from JSON or YAML (by file extension: {@code .yaml}/{@code .yml} is YAML).
 * Every mistake is an {@link IllegalArgumentException} naming the source, the rule and what was wrong;
 * unknown keys are mistakes too, because a misspelt key would silently change what a rule does.
 */
public final class RuleLoader {
    /** The ruleset inside the classifier jar. */
    public static final String BUNDLED = "/io/toolrisk/classifier/rules/ruleset.json";

    private static final Set<String> RULESET_KEYS = Set.of("version", "negations", "actionParams", "nouns", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "fields", "terms", "literals", "hints", "context",
            "objects", "notObjects", "anyPosition", "scope", "category", "flag", "cue", "weight", "explain");
    private static final Set<String> OVERRIDE_KEYS = Set.of("server", "tool", "category", "reason");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleLoader() {
    }

    /** The bundled ruleset. */
    public static RuleSet bundled() {
        try (InputStream in = RuleLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("the bundled ruleset " + BUNDLED + " is missing from the classpath");
            return ruleSet(Json.MAPPER.readTree(in), "bundled ruleset");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled ruleset " + BUNDLED, e);
        }
    }

    /** Reads a ruleset file (a full ruleset, or extra rules to add with {@link RuleSet#extendedWith}). */
    public static RuleSet readRuleSet(Path file) throws IOException {
        return ruleSet(readTree(file), "rules file '" + file + "'");
    }

    /** Reads an overrides file: {@code {"overrides":[{"server"?, "tool", "category", "reason"}, ...]}}. */
    public static Overrides readOverrides(Path file) throws IOException {
        return overrides(readTree(file), "overrides file '" + file + "'");
    }

    private static JsonNode readTree(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : Json.MAPPER;
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode tree = mapper.readTree(in);
            if (tree == null || !tree.isObject())
                throw new IllegalArgumentException("%s: expected an object at the top".formatted(quoted(file)));
            return tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("%s: not valid %s: %s".formatted(quoted(file),
                    mapper == YAML ? "YAML" : "JSON", e.getOriginalMessage()), e);
        }
    }

    private static String quoted(Path file) {
        return "'" + file + "'";
    }

    static RuleSet ruleSet(JsonNode tree, String source) {
        if (!tree.isObject()) throw new IllegalArgumentException(source + ": expected an object at the top");
        unknownKeys(tree, RULESET_KEYS, source);
        String version = text(tree, "version", source);
        List<Rule> rules = new ArrayList<>();
        JsonNode list = tree.path("rules");
        if (!list.isArray()) throw new IllegalArgumentException(source + ": \"rules\" must be an array");
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "%s, rule %d%s".formatted(source, i + 1,
                    node.path("id").isTextual() ? " ('" + node.get("id").textValue() + "')" : "");
            try {
                rules.add(rule(node, where));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new RuleSet(version, strings(tree, "negations", source), strings(tree, "actionParams", source),
                    lowerCase(strings(tree, "nouns", source)), rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Rule rule(JsonNode node, String where) {
        if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object");
        unknownKeys(node, RULE_KEYS, where);
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (String f : strings(node, "fields", where)) fields.add(Field.fromWireName(f));
        int targets = (node.has("category") ? 1 : 0) + (node.has("flag") ? 1 : 0) + (node.has("cue") ? 1 : 0);
        if (targets != 1)
            throw new IllegalArgumentException(where + ": needs exactly one of \"category\", \"flag\" and \"cue\"");
        Rule.Target target;
        if (node.has("category")) target = new Rule.Target.Vote(Category.fromWireName(text(node, "category", where)));
        else if (node.has("flag")) target = new Rule.Target.Raise(FlagKind.fromWireName(text(node, "flag", where)));
        else target = new Rule.Target.Mark(Cue.fromWireName(text(node, "cue", where)));
        Map<String, Boolean> hints = new LinkedHashMap<>();
        JsonNode hintNode = node.path("hints");
        if (!hintNode.isMissingNode()) {
            if (!hintNode.isObject()) throw new IllegalArgumentException(where + ": \"hints\" must be an object");
            for (var e : hintNode.properties()) {
                if (!e.getValue().isBoolean())
                    throw new IllegalArgumentException(where + ": hint '%s' must be true or false".formatted(e.getKey()));
                hints.put(e.getKey(), e.getValue().booleanValue());
            }
        }
        JsonNode weight = node.path("weight");
        if (!weight.isNumber()) throw new IllegalArgumentException(where + ": \"weight\" must be a number");
        JsonNode anyPosition = node.path("anyPosition");
        if (!anyPosition.isMissingNode() && !anyPosition.isBoolean())
            throw new IllegalArgumentException(where + ": \"anyPosition\" must be true or false");
        JsonNode scope = node.path("scope");
        if (!scope.isMissingNode() && !scope.isBoolean())
            throw new IllegalArgumentException(where + ": \"scope\" must be true or false");
        return new Rule(text(node, "id", where), fields, target,
                lowerCase(strings(node, "terms", where)), lowerCase(strings(node, "literals", where)), hints,
                lowerCase(strings(node, "context", where)),
                lowerCase(strings(node, "objects", where)), lowerCase(strings(node, "notObjects", where)), anyPosition.asBoolean(false), scope.asBoolean(false),
                weight.doubleValue(), text(node, "explain", where));
    }

    static Overrides overrides(JsonNode tree, String source) {
        unknownKeys(tree, Set.of("overrides"), source);
        JsonNode list = tree.path("overrides");
        if (!list.isArray()) throw new IllegalArgumentException(source + ": \"overrides\" must be an array");
        List<ToolOverride> all = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "%s, override %d".formatted(source, i + 1);
            if (!node.isObject()) throw new IllegalArgumentException(where + ": expected an object");
            unknownKeys(node, OVERRIDE_KEYS, where);
            try {
                all.add(new ToolOverride(
                        node.has("server") ? Optional.of(text(node, "server", where)) : Optional.empty(),
                        text(node, "tool", where), Category.fromWireName(text(node, "category", where)),
                        text(node, "reason", where)));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new Overrides(all);
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name))
                throw new IllegalArgumentException("%s: unknown key '%s' (expected one of %s)"
                        .formatted(where, name, String.join(", ", known.stream().sorted().toList())));
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.textValue().isBlank())
            throw new IllegalArgumentException("%s: \"%s\" must be a non-empty string".formatted(where, key));
        return value.textValue();
    }

    private static List<String> strings(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null) return List.of();
        if (!value.isArray()) throw new IllegalArgumentException("%s: \"%s\" must be an array of strings".formatted(where, key));
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual())
                throw new IllegalArgumentException("%s: \"%s\" must be an array of strings".formatted(where, key));
            out.add(item.textValue());
        }
        return out;
    }

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
