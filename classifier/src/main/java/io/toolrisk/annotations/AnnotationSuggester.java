package io.toolrisk.annotations;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.catalogue.ToolAnnotations;
import io.toolrisk.classifier.Classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers the MCP annotations a tool should declare from what its name, title, description and schema say: the tool is
 * classified with its declared annotations left out, and each hint follows from the category, the actions and the
 * flags of that profile. Thread-safe; as deterministic as the classifier.
 *
 * <ul>
 *   <li>{@code readOnlyHint}: true exactly when the category is read.</li>
 *   <li>{@code destructiveHint} (only for a tool that is not read-only, where the spec gives it a meaning): true when
 *       the tool, or one of its actions, is destructive; false otherwise. Moving money adds records (a payment, a
 *       refund) rather than destroying them: a financial tool is not destructive, and policies treat it as critical
 *       all the same.</li>
 *   <li>{@code idempotentHint} (only for a tool that is not read-only): false where a second call does more — it runs
 *       again (execute), moves money again (financial), or creates, adds or sends another one; true where the verb
 *       puts something into a stated condition (set, replace, enable, archive, lock...). Absent otherwise: whether an
 *       update or a delete may be repeated depends on its arguments, which the words do not tell.</li>
 *   <li>{@code openWorldHint}: true when the tool reaches parties the caller chooses (email, messages, posts, URLs:
 *       the open-world flag). Absent otherwise: a tool that reaches no recipient may still call a remote service,
 *       which the words rarely say.</li>
 * </ul>
 */
public final class AnnotationSuggester {
    /** First words of a write whose second call makes a second one. */
    private static final Set<String> ADDING_VERBS = Set.of("create", "creates", "add", "adds", "insert", "inserts", "append",
            "appends", "send", "sends", "post", "posts", "publish", "publishes", "upload", "uploads", "import", "imports",
            "register", "registers", "submit", "submits", "comment", "comments", "reply", "replies", "invite", "invites", "fork",
            "forks", "clone", "clones", "copy", "copies", "duplicate", "duplicates", "enqueue", "enqueues", "queue", "queues",
            "schedule", "schedules", "new", "make", "makes", "draft", "drafts", "increment", "increments", "decrement",
            "decrements", "notify", "notifies", "broadcast", "broadcasts", "forward", "forwards", "tweet", "retweet",
            "toggle", "toggles", "request", "requests");
    /** First words of a write that puts something into a stated condition: a second call finds it there already. */
    private static final Set<String> STATE_VERBS = Set.of("set", "sets", "put", "puts", "replace", "replaces", "upsert",
            "upserts", "overwrite", "overwrites", "enable", "enables", "disable", "disables", "mark", "marks", "star", "stars",
            "unstar", "unstars", "pin", "pins", "unpin", "unpins", "lock", "locks", "unlock", "unlocks", "archive", "archives",
            "unarchive", "unarchives", "tag", "tags", "untag", "untags", "label", "labels", "subscribe", "subscribes",
            "unsubscribe", "unsubscribes", "mute", "mutes", "unmute", "unmutes", "hide", "hides", "unhide", "unhides");
    private static final Pattern FIRST_WORD = Pattern.compile("[^\\p{L}]+");

    private final Classifier classifier;

    public AnnotationSuggester(Classifier classifier) {
        this.classifier = classifier;
    }

    /** The annotations {@code tool} should declare, and where its author declared otherwise. */
    public SuggestedAnnotations suggest(Tool tool) {
        RiskProfile profile = classifier.classify(withoutAnnotations(tool));
        List<HintSuggestion> hints = new ArrayList<>();
        Category category = profile.category();
        boolean readOnly = category == Category.READ;
        hints.add(HintSuggestion.of(Hint.READ_ONLY, readOnly, readOnly
                ? "its words say it only reads (category read)"
                : "its words say it changes something (category %s)".formatted(category.wireName()), profile.evidence()));
        if (!readOnly) {
            hints.add(destructive(profile));
            idempotent(profile).ifPresent(hints::add);
        }
        openWorld(profile).ifPresent(hints::add);

        List<Contradiction> contradictions = new ArrayList<>();
        for (HintSuggestion h : hints) {
            Optional<Boolean> declared = h.hint().declaredIn(tool.annotations());
            if (declared.isPresent() && declared.get() != h.value())
                contradictions.add(new Contradiction(h.hint(), declared.get(), h.value()));
        }
        Optional<String> own = tool.displayTitle().filter(t -> !t.isBlank());
        return new SuggestedAnnotations(tool, own.orElseGet(() -> TitleFromName.of(tool.name())), own.isEmpty(), hints,
                contradictions, profile);
    }

    /**
     * {@code tool} as its words alone describe it: its annotations, title included, are what is being suggested, so
     * they are no evidence for themselves; its name, its own {@code title}, description and schema remain.
     */
    static Tool withoutAnnotations(Tool tool) {
        if (tool.annotations().isEmpty()) return tool;
        return new Tool(tool.name(), tool.title(), tool.description(), tool.inputSchema(), ToolAnnotations.NONE,
                tool.server(), tool.unknownFields());
    }

    private static HintSuggestion destructive(RiskProfile profile) {
        if (profile.category() == Category.DESTRUCTIVE)
            return HintSuggestion.of(Hint.DESTRUCTIVE, true, "its words say it deletes, overwrites or ends something irreversibly",
                    profile.evidence());
        List<String> destructiveActions = profile.actions().stream()
                .filter(a -> a.category() == Category.DESTRUCTIVE).map(ActionProfile::value).toList();
        if (!destructiveActions.isEmpty()) {
            String param = profile.actions().getFirst().param();
            return HintSuggestion.of(Hint.DESTRUCTIVE, true, "%s '%s' (parameter %s) %s destructive".formatted(
                    destructiveActions.size() == 1 ? "its action" : "its actions", String.join("', '", destructiveActions), param,
                    destructiveActions.size() == 1 ? "is" : "are"), profile.evidence());
        }
        String reason = profile.category() == Category.FINANCIAL
                ? "it moves money, which adds records (a payment, a refund) rather than destroying any; policies still treat it as critical"
                : "its words say it %s, and nothing that deletes or overwrites".formatted(
                profile.category() == Category.EXECUTE ? "runs something" : "creates or changes data");
        return HintSuggestion.of(Hint.DESTRUCTIVE, false, reason, profile.evidence());
    }

    private static Optional<HintSuggestion> idempotent(RiskProfile profile) {
        return switch (profile.category()) {
            case EXECUTE -> Optional.of(HintSuggestion.of(Hint.IDEMPOTENT, false,
                    "it runs something: a second call runs it again", profile.evidence()));
            case FINANCIAL -> Optional.of(HintSuggestion.of(Hint.IDEMPOTENT, false,
                    "it moves money: a second call moves it again", profile.evidence()));
            case WRITE -> leadingVerb(profile).flatMap(verb -> {
                if (ADDING_VERBS.contains(verb.word()))
                    return Optional.of(HintSuggestion.of(Hint.IDEMPOTENT, false,
                            "'%s': a second call makes or sends another".formatted(verb.word()), List.of(verb.evidence())));
                if (STATE_VERBS.contains(verb.word()))
                    return Optional.of(HintSuggestion.of(Hint.IDEMPOTENT, true,
                            "'%s' puts something into a stated condition: a second call finds it there".formatted(verb.word()),
                            List.of(verb.evidence())));
                return Optional.empty();
            });
            case READ, DESTRUCTIVE -> Optional.empty();
        };
    }

    private record Verb(String word, Evidence evidence) {
    }

    /** The first word of the strongest evidence, lower case: the verb that decided the category. */
    private static Optional<Verb> leadingVerb(RiskProfile profile) {
        if (profile.evidence().isEmpty()) return Optional.empty();
        Evidence first = profile.evidence().getFirst();
        for (String word : FIRST_WORD.split(first.quote())) {
            if (!word.isEmpty()) return Optional.of(new Verb(word.toLowerCase(Locale.ROOT), first));
        }
        return Optional.empty();
    }

    private static Optional<HintSuggestion> openWorld(RiskProfile profile) {
        List<Flag> reaches = profile.flags().stream().filter(f -> f.flag() == FlagKind.OPEN_WORLD).toList();
        if (reaches.isEmpty()) return Optional.empty();
        return Optional.of(new HintSuggestion(Hint.OPEN_WORLD, true,
                "it reaches people or systems the caller chooses (email, messages, posts, URLs)", List.of(), reaches));
    }
}
