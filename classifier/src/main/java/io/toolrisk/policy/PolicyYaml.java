package io.toolrisk.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.regex.Pattern;

/**
 * Block YAML for the policy formats that are YAML (Intercept, the Docker MCP Gateway's tools.yaml, agentgateway),
 * written so that every string, a tool name above all, loads back as the same string in any YAML loader.
 */
final class PolicyYaml {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .stringQuotingChecker(new TextOnlyQuoting())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private PolicyYaml() {
    }

    static ObjectNode object() {
        return YAML.createObjectNode();
    }

    /** {@code root} as YAML under one {@code #} comment line per element of {@code comments}. */
    static String write(JsonNode root, String... comments) {
        var text = new StringBuilder();
        for (String comment : comments) text.append(CommentLine.of("#", comment));
        try {
            return text.append(YAML.writeValueAsString(withoutLoneSurrogates(root))).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: writing a YAML tree to a string", e);
        }
    }

    /**
     * A copy of {@code node} whose texts and field names have no lone surrogate: the YAML writer would join one with
     * the character after it into another character altogether.
     */
    private static JsonNode withoutLoneSurrogates(JsonNode node) {
        return switch (node) {
            case ObjectNode object -> {
                ObjectNode copy = YAML.createObjectNode();
                object.properties().forEach(e -> copy.set(LoneSurrogates.replaced(e.getKey()), withoutLoneSurrogates(e.getValue())));
                yield copy;
            }
            case ArrayNode array -> {
                ArrayNode copy = YAML.createArrayNode();
                array.forEach(e -> copy.add(withoutLoneSurrogates(e)));
                yield copy;
            }
            case TextNode text -> TextNode.valueOf(LoneSurrogates.replaced(text.textValue()));
            default -> node;
        };
    }

    /**
     * Jackson's defaults quote the boolean and null words and plain decimals, but leave {@code 0x10}, {@code 1e3},
     * {@code 1:30}, {@code .inf}, {@code 2001-01-01}, {@code <<} and a NEL or LINE SEPARATOR plain, and a YAML
     * loader reads those back as a number, a date, a merge key or folded whitespace. A tool name or a denied
     * action value (server-chosen text) would then no longer equal the argument the gateway compares it with.
     */
    private static final class TextOnlyQuoting extends StringQuotingChecker.Default {
        /** Starts like a number, a date or a time; {@code .inf}/{@code .nan}; YAML 1.1's value and merge keys. */
        private static final Pattern OTHER_SCALAR = Pattern.compile("[-+]?\\.?[0-9].*|[-+]?\\.(?i:inf|nan)|=|<<",
                Pattern.DOTALL);
        /** A rate limit such as {@code 30/minute} is no number in any YAML. */
        private static final Pattern RATE = Pattern.compile("[0-9]+/[a-z]+");
        /** Line breaks of YAML 1.1 beyond CR and LF, and the byte order mark. */
        private static final Pattern SPECIAL_BREAK = Pattern.compile("[\\u0085\\u2028\\u2029\\uFEFF]");

        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || readAsOtherThanText(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || readAsOtherThanText(value);
        }

        private static boolean readAsOtherThanText(String text) {
            return (OTHER_SCALAR.matcher(text).matches() && !RATE.matcher(text).matches())
                    || SPECIAL_BREAK.matcher(text).find();
        }
    }
}
