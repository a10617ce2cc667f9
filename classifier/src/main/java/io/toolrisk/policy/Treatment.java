package io.toolrisk.policy;

/** What a policy does with calls to one tool (or to some actions of it). */
public sealed interface Treatment {
    /** True when calls are refused: the tool (or action) is denied or hidden. */
    default boolean blocks() {
        return switch (this) {
            case Allow a -> false;
            case RateLimit r -> false;
            case Ask a -> false;
            case RequireApproval r -> true;
            case Hide h -> true;
        };
    }

    /** Calls pass. */
    record Allow() implements Treatment {
    }

    /** Calls pass, at most {@code perMinute} a minute. */
    record RateLimit(int perMinute) implements Treatment {
        public RateLimit {
            if (perMinute < 1) throw new IllegalArgumentException("rate limit must be at least 1/minute, got " + perMinute);
        }

        /** {@code "30/minute"}, the form both gateway formats take. */
        public String wireValue() {
            return perMinute + "/minute";
        }
    }

    /**
     * Each call waits for a human to confirm it; {@code reason} says why. A format with no such step denies the
     * call pending approval instead, the nearer safe reading.
     */
    record Ask(String reason) implements Treatment {
    }

    /** Calls are denied until a human approves enabling the tool; {@code reason} says why. */
    record RequireApproval(String reason) implements Treatment {
    }

    /** The tool is not shown to the model at all; {@code reason} says why. */
    record Hide(String reason) implements Treatment {
    }
}
