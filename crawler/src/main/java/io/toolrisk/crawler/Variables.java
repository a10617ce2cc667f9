package io.toolrisk.crawler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code ${VAR}} placeholders from an environment, collecting the names it does not have. */
final class Variables {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;
    private final Set<String> missing = new LinkedHashSet<>();

    Variables(Map<String, String> environment) {
        this.environment = environment;
    }

    String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    List<String> fill(List<String> texts) {
        var out = new ArrayList<String>(texts.size());
        for (String text : texts) out.add(fill(text));
        return out;
    }

    Map<String, String> fill(Map<String, String> texts) {
        var out = new LinkedHashMap<String, String>();
        texts.forEach((k, v) -> out.put(k, fill(v)));
        return out;
    }

    /** The placeholder names the environment did not set, in order of first use. */
    List<String> missing() {
        return List.copyOf(missing);
    }
}
