package io.toolrisk.policy;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.WireName;

/**
 * How strict a generated policy is: what each category of tool gets. {@link #RECOMMENDED} is DESIGN.md's
 * default policy column; {@link #STRICT} and {@link #PERMISSIVE} move every category one step either way.
 */
public enum PolicyProfile implements WireName {
    RECOMMENDED,
    STRICT,
    PERMISSIVE;

    static final String DESTRUCTIVE_REASON =
            "destructive: deletes or overwrites irreversibly; enable only with a human's approval";
    static final String FINANCIAL_REASON =
            "financial: moves money; denied pending a human's approval";
    static final String OPEN_WORLD_REASON =
            "open-world write: sends to recipients or places the caller picks; a human confirms each call";
    static final String EXECUTE_REASON =
            "execute: runs code, commands or jobs whose effects depend on the arguments; denied pending a human's approval";

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static PolicyProfile fromWireName(String name) {
        return WireName.parse(PolicyProfile.class, name, "policy profile");
    }

    /**
     * What a tool of {@code category} gets under this profile; a write that reaches parties outside
     * ({@code openWorld}: email, messages, posts to recipients the caller picks) gets one step more than a plain
     * write: a human confirms each call under the recommended profile.
     */
    public Treatment treatment(Category category, boolean openWorld) {
        if (category != Category.WRITE || !openWorld) return treatment(category);
        return switch (this) {
            case RECOMMENDED -> new Treatment.Ask(OPEN_WORLD_REASON);
            case STRICT -> new Treatment.RequireApproval(OPEN_WORLD_REASON);
            case PERMISSIVE -> new Treatment.RateLimit(30);
        };
    }

    /** What a tool of {@code category} gets under this profile. */
    public Treatment treatment(Category category) {
        return switch (this) {
            case RECOMMENDED -> switch (category) {
                case READ -> new Treatment.Allow();
                case WRITE -> new Treatment.RateLimit(30);
                case EXECUTE -> new Treatment.RateLimit(10);
                case DESTRUCTIVE -> new Treatment.Hide(DESTRUCTIVE_REASON);
                case FINANCIAL -> new Treatment.RequireApproval(FINANCIAL_REASON);
            };
            case STRICT -> switch (category) {
                case READ -> new Treatment.Allow();
                case WRITE -> new Treatment.RateLimit(10);
                case EXECUTE -> new Treatment.RequireApproval(EXECUTE_REASON);
                case DESTRUCTIVE -> new Treatment.Hide(DESTRUCTIVE_REASON);
                case FINANCIAL -> new Treatment.Hide(FINANCIAL_REASON);
            };
            case PERMISSIVE -> switch (category) {
                case READ, WRITE -> new Treatment.Allow();
                case EXECUTE -> new Treatment.RateLimit(30);
                case DESTRUCTIVE -> new Treatment.RequireApproval(DESTRUCTIVE_REASON);
                case FINANCIAL -> new Treatment.RequireApproval(FINANCIAL_REASON);
            };
        };
    }
}
