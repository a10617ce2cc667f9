package io.toolrisk.cli;

import io.toolrisk.catalogue.WireName;
import io.toolrisk.crawler.stdio.Sandbox;
import io.toolrisk.policy.PolicyFormat;
import io.toolrisk.policy.PolicyProfile;
import io.toolrisk.scan.FailOn;
import io.toolrisk.scan.Scan;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How option values are read, for every command: durations as people write them, and each enum by the name it has on
 * the wire, any case. A value that is not one says so, naming the accepted ones: {@code unknown policy format 'yaml'
 * (expected policylayer, intercept, ...)}.
 */
final class OptionConverters {
    /** A whole number and its unit, seconds when none is given. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private OptionConverters() {
    }

    /** Registers the converters with {@code cli} and its subcommands; returns {@code cli}. */
    static CommandLine register(CommandLine cli) {
        return cli.registerConverter(Duration.class, OptionConverters::duration)
                .registerConverter(PolicyFormat.class, enumValue(PolicyFormat.class, "policy format"))
                .registerConverter(PolicyProfile.class, enumValue(PolicyProfile.class, "policy profile"))
                .registerConverter(Scan.Format.class, enumValue(Scan.Format.class, "format"))
                .registerConverter(ProfileFormat.class, enumValue(ProfileFormat.class, "format"))
                .registerConverter(FailOn.class, enumValue(FailOn.class, "threshold"))
                .registerConverter(Sandbox.Network.class, enumValue(Sandbox.Network.class, "network"));
    }

    /**
     * Parses {@code 30s}, {@code 500ms}, {@code 2m}, {@code 6h} or a plain number of seconds.
     *
     * @throws TypeConversionException for anything else, quoting it
     */
    static Duration duration(String text) {
        var m = DURATION.matcher(text.strip());
        if (!m.matches())
            throw new TypeConversionException("invalid duration '%s': expected a number with ms, s, m or h, like 30s".formatted(text));
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Reads a constant of {@code type} by its wire name (lower case, hyphens), in any case. */
    static <E extends Enum<E>> ITypeConverter<E> enumValue(Class<E> type, String what) {
        return value -> {
            for (E e : type.getEnumConstants()) {
                if (wireName(e).equals(value.strip().toLowerCase(Locale.ROOT))) return e;
            }
            List<String> names = Arrays.stream(type.getEnumConstants()).map(OptionConverters::wireName).toList();
            String expected = names.size() == 1 ? names.getFirst()
                    : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
            throw new TypeConversionException("unknown %s '%s' (expected %s)".formatted(what, value, expected));
        };
    }

    private static String wireName(Enum<?> e) {
        return e instanceof WireName w ? w.wireName() : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
