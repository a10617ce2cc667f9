package io.toolrisk.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An enum constant's name on the wire (JSON, URLs, options): lower case with hyphens, {@code HIDDEN_INSTRUCTIONS} is
 * {@code hidden-instructions}. Implemented by the enums of the contracts; {@link #parse} reads one back with the
 * message every command and route gives for an unknown value.
 */
public interface WireName {
    /** The name used in JSON, URLs and options. */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose wire name is {@code name}.
     *
     * @param what how a person calls such a value in a message ("category", "policy format")
     * @throws IllegalArgumentException naming the value and every accepted one: {@code unknown category 'x'
     *                                  (expected read, write, execute, destructive or financial)}
     */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String name, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(name)) return e;
        }
        throw new IllegalArgumentException("unknown %s '%s' (expected %s)".formatted(what, name, list(type, "or")));
    }

    /** Every wire name of {@code type} in order, the last joined by {@code conjunction}: "a, b or c". */
    static <E extends Enum<E> & WireName> String list(Class<E> type, String conjunction) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(WireName::wireName).toList();
        if (names.size() == 1) return names.getFirst();
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " " + names.getLast();
    }
}
