package io.toolrisk.crawler.discovery;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one server of the official MCP registry ({@code server.json} shape) into a {@link ServerEntry}: a
 * remote ({@code streamable-http} or {@code sse}) is preferred, since nothing needs to run here; else the first
 * stdio package (npm via {@code npx}, PyPI via {@code uvx}, OCI via {@code docker run}). A value the server
 * requires but the registry does not give becomes a {@code ${NAME}} placeholder, so the entry needs
 * credentials until toolrisk's environment sets it.
 */
final class RegistryServers {
    /** The registry's own variables in values: {@code Bearer {api_key}}. */
    private static final Pattern REGISTRY_VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private RegistryServers() {
    }

    /** The entry for {@code server}, or the reason there is none. */
    sealed interface Outcome {
        record Entry(ServerEntry entry) implements Outcome { }

        record Skipped(String reason) implements Outcome { }
    }

    static Outcome toEntry(JsonNode server, Optional<String> sourceVersion) {
        String name = server.path("name").asText("");
        if (name.isBlank()) return new Outcome.Skipped("a server without a name");
        String id = ServerIds.fromName(name);
        for (JsonNode remote : server.path("remotes")) {
            String type = remote.path("type").asText("");
            String url = remote.path("url").asText("");
            if ((type.equals("streamable-http") || type.equals("sse")) && !url.isBlank())
                return new Outcome.Entry(new ServerEntry.Http(id, placeholders(url), headers(remote.path("headers")), sourceVersion));
        }
        for (JsonNode pkg : server.path("packages")) {
            if (!pkg.path("transport").path("type").asText("stdio").equals("stdio")) continue;
            Optional<List<String>> command = command(pkg);
            if (command.isPresent()) {
                List<String> words = command.get();
                return new Outcome.Entry(new ServerEntry.Stdio(id, words.getFirst(), words.subList(1, words.size()),
                        environment(pkg.path("environmentVariables")), sourceVersion));
            }
        }
        return new Outcome.Skipped("%s: no remote and no stdio package of a kind this crawler runs (npm, pypi, oci)"
                .formatted(name));
    }

    private static Optional<List<String>> command(JsonNode pkg) {
        String identifier = pkg.path("identifier").asText("");
        String version = pkg.path("version").asText("");
        if (identifier.isBlank()) return Optional.empty();
        List<String> words = new ArrayList<>();
        switch (pkg.path("registryType").asText("")) {
            case "npm" -> {
                words.addAll(List.of("npx", "-y"));
                words.addAll(arguments(pkg.path("runtimeArguments")));
                words.add(version.isBlank() ? identifier : identifier + "@" + version);
            }
            case "pypi" -> {
                words.add("uvx");
                words.addAll(arguments(pkg.path("runtimeArguments")));
                words.add(version.isBlank() ? identifier : identifier + "==" + version);
            }
            case "oci" -> {
                words.addAll(List.of("docker", "run", "-i", "--rm"));
                words.addAll(arguments(pkg.path("runtimeArguments")));
                // The container sees only what docker passes in: name each variable, docker takes its value.
                for (JsonNode variable : pkg.path("environmentVariables")) {
                    String name = variable.path("name").asText("");
                    if (!name.isBlank()) words.addAll(List.of("-e", name));
                }
                words.add(identifier.contains(":") || identifier.contains("@") || version.isBlank()
                        ? identifier : identifier + ":" + version);
            }
            default -> {
                return Optional.empty();
            }
        }
        words.addAll(arguments(pkg.path("packageArguments")));
        return Optional.of(words);
    }

    /** Positional and named arguments that have a value; a required one without is a placeholder. */
    private static List<String> arguments(JsonNode list) {
        List<String> words = new ArrayList<>();
        for (JsonNode arg : list) {
            Optional<String> value = value(arg, arg.path("valueHint").asText(arg.path("name").asText("ARG")));
            if (arg.path("type").asText("positional").equals("named")) {
                String flag = arg.path("name").asText("");
                if (flag.isBlank()) continue;
                if (value.isPresent()) words.addAll(List.of(flag, value.get()));
                else if (arg.path("isRequired").asBoolean(false)) words.add(flag);
            } else {
                value.ifPresent(words::add);
            }
        }
        return words;
    }

    private static Map<String, String> environment(JsonNode variables) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : variables) {
            String name = variable.path("name").asText("");
            if (!name.isBlank()) value(variable, name).ifPresent(v -> env.put(name, v));
        }
        return env;
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            String name = header.path("name").asText("");
            if (!name.isBlank()) value(header, name).ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    /** The given value, else the default, else a placeholder when required, else nothing. */
    private static Optional<String> value(JsonNode input, String placeholderName) {
        if (input.path("value").isTextual()) return Optional.of(placeholders(input.get("value").textValue()));
        if (input.path("default").isTextual()) return Optional.of(placeholders(input.get("default").textValue()));
        if (input.path("isRequired").asBoolean(false)) return Optional.of("${" + variableName(placeholderName) + "}");
        return Optional.empty();
    }

    private static String placeholders(String value) {
        Matcher m = REGISTRY_VARIABLE.matcher(value);
        var out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement("${" + variableName(m.group(1)) + "}"));
        m.appendTail(out);
        return out.toString();
    }

    /** An environment variable name for a registry input: {@code api-key} as {@code API_KEY}. */
    private static String variableName(String name) {
        String variable = name.replaceAll("^-+", "").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
        return variable.isEmpty() || Character.isDigit(variable.charAt(0)) ? "_" + variable : variable;
    }
}
