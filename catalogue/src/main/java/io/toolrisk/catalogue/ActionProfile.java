package io.toolrisk.catalogue;

/**
 * The risk of one operation of a multi-action tool: the value of the parameter ({@code param}) whose enum
 * selects what the tool does, e.g. {@code action = "delete"}.
 */
public record ActionProfile(String param, String value, Category category) {
    public ActionProfile {
        Evidence.requireText("action param", param);
        if (value == null) throw new IllegalArgumentException("action value must not be null (param '%s')".formatted(param));
        if (category == null) throw new IllegalArgumentException("action category must not be null");
    }

    public Severity severity() {
        return category.severity();
    }
}
