package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

/**
 * Decides, while the cue words of a text are handed over one by one, which detectors of tool poisoning can find
 * anything in it: each needs certain cues close together ("do not" a few words before "tell", an instruction
 * word a few words before "void"), and most texts of real definitions have none of these pairs. Costs a few
 * operations per cue word and allocates nothing once made; reset for each text. Not thread-safe.
 */
public final class CueGate {

    private static final long NEGATIONS = Cue.NEGATION.bit() | Cue.SUPPRESS.bit();
    private static final long INSTRUCTIONS = Cue.INSTRUCTION.bit() | Cue.RESTRICTION.bit();
    private static final long GIVES = Cue.PASS.bit() | Cue.SEND.bit();
    private static final long ACTS = Cue.PASS.bit() | Cue.SEND.bit() | Cue.TAMPER.bit() | Cue.CALL.bit()
            | Cue.READ.bit() | Cue.RUN.bit();
    private static final long SLOTS = Cue.ARGUMENT.bit() | Cue.DESTINATION.bit();
    /** What makes a word of {@link Cue#UNTOLD} worth reading when it stands near: a negation, the user, the model, a telling. */
    private static final long UNTOLD_PARTNERS = NEGATIONS | Cue.USER.bit() | Cue.ADDRESSEE.bit() | Cue.REPORT.bit();
    private static final long UNTOLD_STATE = Cue.UNTOLD.bit() | Cue.STEALTH_STATE.bit();
    private static final long TAKEN_WORDS = Cue.SECRET.bit() | Cue.SECRET_HOLDER.bit() | Cue.CONVERSATION.bit()
            | Cue.INSTRUCTION.bit();

    // The pairs, as bits of {@link #pairs}.
    static final long NOT_TOLD = 1L;
    static final long NOT_KNOWN = 1L << 1;
    static final long DONE_SILENTLY = 1L << 2;
    static final long KEPT = 1L << 3;
    static final long HIDDEN_FROM_USER = 1L << 4;
    static final long SET_ASIDE = 1L << 5;
    static final long VOIDED = 1L << 6;
    static final long NEW_ROLE = 1L << 7;
    static final long OUTRANKS = 1L << 8;
    static final long NO_REFUSAL = 1L << 9;
    static final long OBEYED = 1L << 10;
    static final long CHANGED_SLOT = 1L << 11;
    static final long FIXED_SLOT = 1L << 12;
    static final long USERS_CHOICE = 1L << 13;
    static final long AGAINST_CHOICE = 1L << 14;
    static final long TRIGGERED_CALL = 1L << 15;
    static final long CLAIM = 1L << 16;
    static final long REFUSED_CALL = 1L << 17;
    static final long SECRET_PAIR = 1L << 18;
    static final long TAKEN = 1L << 19;
    static final long OWN_CONTEXT = 1L << 20;
    static final long REPLACED_CALL = 1L << 21;
    static final long TOOL_RUN_DOWN = 1L << 22;
    static final long PRAISED = 1L << 23;
    static final long BACKED = 1L << 24;
    static final long CHOSEN = 1L << 25;
    static final long AGAINST_USER = 1L << 26;
    /** A kind of promotion that may be strong enough alone: a crowd and backing, a choice and its scope, rivals run down. */
    static final long STRONG_PROMOTION = 1L << 27;
    /** "Every" or "all" before the user's: all the user's words, messages or data. */
    static final long USERS_WORDS = 1L << 28;
    /** A word secrecy by shape is written with ({@link Cue#UNTOLD}) near a negation, the user, the model, an order or a telling. */
    static final long UNTOLD_NEAR = 1L << 29;

    /** How many kinds of pair there are: the bits of {@link #pairs} that may be set. */
    private static final int PAIRS = Long.numberOfTrailingZeros(UNTOLD_NEAR) + 1;

    // The cues of the last eight cue words: all those within eight words before the current one, and perhaps more
    // (a gate may let a text through that a detector then finds clean, never the other way round).
    private long r0, r1, r2, r3, r4, r5, r6, r7;
    private int lastPosition;
    private long mask;
    private long literals;
    private long pairs;
    private int superlatives;
    /** How many cue words were handed over: the index the next one gets in the {@link CueText}. */
    private int index;
    /** Per pair bit, the first and last cue word index where the pair was found. */
    private final int[] pairFirst = new int[PAIRS];
    private final int[] pairLast = new int[PAIRS];

    /** Starts a new text. */
    public void reset() {
        superlatives = 0;
        index = 0;
        r0 = r1 = r2 = r3 = r4 = r5 = r6 = r7 = 0;
        lastPosition = -2;
        mask = 0;
        literals = 0;
        pairs = 0;
    }

    /** Hands over the next cue word (by position among all the words of the text); words without cues are skipped. */
    public void word(long cues, int position) {
        if (cues == 0) return;
        long before = r0 | r1 | r2 | r3 | r4 | r5 | r6 | r7;
        if (before != 0) {
            long found = pairs(before, cues);
            // A secret's qualifier right before its holder ("API key"): a pair that stands where the others do.
            if ((cues & Cue.SECRET_HOLDER.bit()) != 0 && (r0 & Cue.SECRET_QUALIFIER.bit()) != 0 && position == lastPosition + 1)
                found |= SECRET_PAIR;
            for (long fresh = found & ~pairs; fresh != 0; fresh &= fresh - 1) pairFirst[Long.numberOfTrailingZeros(fresh)] = index;
            for (long b = found; b != 0; b &= b - 1) pairLast[Long.numberOfTrailingZeros(b)] = index;
            pairs |= found;
        }
        r7 = r6;
        r6 = r5;
        r5 = r4;
        r4 = r3;
        r3 = r2;
        r2 = r1;
        r1 = r0;
        r0 = cues;
        lastPosition = position;
        index++;
        mask |= cues;
        if ((cues & Cue.SUPERLATIVE.bit()) != 0) superlatives++;
        // "Best left unsaid", "leave it unmentioned": a word of secrecy by shape that is a state of the unsaid needs no partner.
        if ((cues & UNTOLD_STATE) == UNTOLD_STATE) pairs |= UNTOLD_NEAR;
    }

    /** How many cue words were handed over since the last reset. */
    public int cueWords() {
        return index;
    }

    /** Hands over literal cues ({@code ~/.ssh}, a URL, a command), as a mask of {@link Cue#bit()}s. */
    public void literals(long cues) {
        literals |= cues;
        mask |= cues;
    }

    /** The cues of the text so far, words and literals. */
    public long mask() {
        return mask;
    }

    private static boolean has(long cues, long bits) {
        return (cues & bits) != 0;
    }

    // Each pair as clauses: a word with one of the cues {@code here} after a word with one of the cues {@code before}.
    private static final long[][] CLAUSES = {
            {NEGATIONS, Cue.REPORT.bit(), NOT_TOLD},
            {Cue.REPORT.bit(), Cue.SUPPRESS.bit() | Cue.NEGATION.bit(), NOT_TOLD},
            {Cue.SUPPRESS.bit() | Cue.KEEP.bit(), Cue.ADDRESSEE.bit(), KEPT},
            {NEGATIONS, Cue.PERCEIVE.bit(), NOT_KNOWN},
            {NEGATIONS, Cue.REFUSE.bit(), NO_REFUSAL},
            {NEGATIONS, Cue.CALL.bit(), REFUSED_CALL},
            {NEGATIONS, Cue.OBEY.bit(), OBEYED},
            {Cue.STEALTH_MANNER.bit(), ACTS, DONE_SILENTLY},
            {ACTS, Cue.STEALTH_MANNER.bit(), DONE_SILENTLY},
            {Cue.KEEP.bit(), Cue.THIS_MATTER.bit() | Cue.REPORT.bit() | Cue.USER.bit(), KEPT},
            {Cue.STEALTH_STATE.bit(), Cue.USER.bit(), HIDDEN_FROM_USER},
            {Cue.USER.bit() | Cue.MODAL.bit(), Cue.STEALTH_STATE.bit(), HIDDEN_FROM_USER},
            {Cue.OVERRIDE.bit(), INSTRUCTIONS | Cue.USER.bit() | Cue.WHOLE.bit() | Cue.THIS_MATTER.bit() | Cue.ARGUMENT.bit() | Cue.REFUSE.bit()
                    | Cue.CONVERSATION.bit(), SET_ASIDE},
            {INSTRUCTIONS | Cue.THIS_MATTER.bit(), Cue.OVERRIDE.bit(), SET_ASIDE},
            {INSTRUCTIONS, Cue.VOID.bit() | Cue.NOW.bit(), VOIDED},
            {Cue.ADDRESSEE.bit(), Cue.NOW.bit() | Cue.BECOME.bit() | Cue.MODE.bit(), NEW_ROLE},
            {Cue.BECOME.bit(), Cue.MODE.bit() | NEGATIONS | INSTRUCTIONS, NEW_ROLE},
            {Cue.PRIORITY.bit(), Cue.INSTRUCTION.bit() | Cue.USER.bit(), OUTRANKS},
            {Cue.INSTRUCTION.bit(), Cue.PRIORITY.bit(), OUTRANKS},
            {Cue.USER.bit(), Cue.OVERRIDE.bit(), OUTRANKS},
            {Cue.OBEY.bit(), Cue.EXCLUSIVE.bit() | INSTRUCTIONS | Cue.THIS_MATTER.bit(), OBEYED},
            {Cue.RUN.bit(), Cue.INSTRUCTION.bit(), OBEYED},
            {NEGATIONS, Cue.INSTRUCTION.bit(), VOIDED},
            {Cue.TAMPER.bit(), SLOTS, CHANGED_SLOT},
            {SLOTS, Cue.TAMPER.bit(), CHANGED_SLOT},
            {Cue.ARGUMENT.bit(), Cue.MODAL.bit(), FIXED_SLOT},
            {Cue.USER.bit(), Cue.USER_CHOICE.bit(), USERS_CHOICE},
            {Cue.USER_CHOICE.bit(), Cue.USER.bit(), USERS_CHOICE},
            {Cue.OVERRIDE_MARK.bit(), Cue.USER_CHOICE.bit() | Cue.USER.bit(), AGAINST_CHOICE},
            {Cue.TRIGGER.bit(), Cue.CALL.bit(), TRIGGERED_CALL},
            {Cue.CALL.bit(), Cue.TRIGGER.bit(), TRIGGERED_CALL},
            {Cue.EVERY_TIME.bit(), ACTS, TRIGGERED_CALL},
            {Cue.TRIGGER.bit(), Cue.TOOL.bit(), TRIGGERED_CALL},
            {Cue.TOOL.bit() | Cue.CALL.bit(), Cue.MODAL.bit() | Cue.NOW.bit(), CLAIM},
            // "x_apply must always be called with ...": the tool's name, no cue of its own, before the obligation
            {Cue.TOOL.bit(), Cue.TRIGGER.bit() | ACTS, CLAIM},
            {GIVES, TAKEN_WORDS, TAKEN},
            {TAKEN_WORDS, GIVES, TAKEN},
            {Cue.WHOLE.bit() | Cue.ADDRESSEE.bit() | Cue.USER.bit() | Cue.THIS_MATTER.bit() | Cue.CONVERSATION.bit(), Cue.CONVERSATION.bit() | Cue.INSTRUCTION.bit(), OWN_CONTEXT},
            {Cue.CONVERSATION.bit() | Cue.INSTRUCTION.bit(), Cue.ADDRESSEE.bit(), OWN_CONTEXT},
            {Cue.OVERRIDE_MARK.bit() | Cue.TAMPER.bit(), Cue.CALL.bit(), REPLACED_CALL},
            {Cue.TOOL.bit(), Cue.DEPRECATED.bit(), TOOL_RUN_DOWN},
            {Cue.SUPERLATIVE.bit() | Cue.PRAISE.bit(), Cue.TOOL.bit() | Cue.THIS_MATTER.bit() | Cue.ADDRESSEE.bit() | Cue.PRAISE.bit(), PRAISED},
            {Cue.ENDORSEMENT.bit(), Cue.CROWD.bit(), BACKED | STRONG_PROMOTION},
            {Cue.CROWD.bit(), Cue.ENDORSEMENT.bit() | Cue.CHOOSE.bit(), BACKED | STRONG_PROMOTION},
            {Cue.CALL.bit() | Cue.CHOOSE.bit(), Cue.EXCLUSIVE.bit() | Cue.THIS_MATTER.bit(), CHOSEN},
            {Cue.EXCLUSIVE.bit() | Cue.MODAL.bit(), Cue.CHOOSE.bit(), CHOSEN | STRONG_PROMOTION},
            {Cue.EXCLUSIVE.bit(), Cue.CALL.bit(), CHOSEN},
            {Cue.ENDORSEMENT.bit(), Cue.ADDRESSEE.bit(), CHOSEN | STRONG_PROMOTION},
            {Cue.ADDRESSEE.bit(), Cue.CHOOSE.bit(), BACKED | STRONG_PROMOTION},
            {Cue.TOOL.bit(), Cue.OVERRIDE.bit(), CHOSEN},
            {NEGATIONS, Cue.CALL.bit() | Cue.CHOOSE.bit(), CHOSEN},
            {Cue.OVERRIDE_MARK.bit() | Cue.OVERRIDE.bit() | Cue.STEALTH_MANNER.bit(), Cue.USER_CHOICE.bit() | Cue.USER.bit() | Cue.ARGUMENT.bit(), AGAINST_USER},
            {Cue.USER_CHOICE.bit() | Cue.USER.bit() | Cue.ARGUMENT.bit(), Cue.OVERRIDE_MARK.bit() | Cue.STEALTH_MANNER.bit(), AGAINST_USER},
            {Cue.CHOOSE.bit(), Cue.EXCLUSIVE.bit() | Cue.RIVAL.bit() | Cue.OVERRIDE_MARK.bit(), STRONG_PROMOTION},
            {Cue.CALL.bit(), Cue.RIVAL.bit() | Cue.OVERRIDE_MARK.bit(), STRONG_PROMOTION},
            {Cue.CHOOSE.bit(), Cue.THIS_MATTER.bit(), STRONG_PROMOTION},
            {Cue.RIVAL.bit(), Cue.DISPARAGE.bit() | Cue.OVERRIDE.bit(), STRONG_PROMOTION},
            {Cue.DISPARAGE.bit() | NEGATIONS, Cue.RIVAL.bit(), STRONG_PROMOTION},
            {Cue.WHOLE.bit(), Cue.USER.bit(), USERS_WORDS},
            // "not to be relayed", "without drawing attention", "tell them ... anyway", "pointing out ... is unnecessary"
            {NEGATIONS | Cue.REPORT.bit() | Cue.UNTOLD.bit(), Cue.UNTOLD.bit(), UNTOLD_NEAR},
            // "withheld from the user", "stays between you and", "if asked ..., say only"
            {Cue.UNTOLD.bit(), Cue.USER.bit() | Cue.ADDRESSEE.bit() | Cue.REPORT.bit(), UNTOLD_NEAR},
    };
    // The clauses by the cue of the later word: per cue, the cues an earlier word needs and the pair each makes,
    // and all the cues that make any pair with it, so that most cue words cost one test.
    private static final long[][] BEFORE = new long[Long.SIZE][];
    private static final long[][] PAIR = new long[Long.SIZE][];
    private static final long[] PARTNERS = new long[Long.SIZE];

    static {
        for (int cue = 0; cue < Long.SIZE; cue++) {
            int n = 0;
            for (long[] c : CLAUSES) if ((c[1] & 1L << cue) != 0) n++;
            BEFORE[cue] = new long[n];
            PAIR[cue] = new long[n];
            int k = 0;
            for (long[] c : CLAUSES) {
                if ((c[1] & 1L << cue) == 0) continue;
                BEFORE[cue][k] = c[0];
                PAIR[cue][k++] = c[2];
                PARTNERS[cue] |= c[0];
            }
        }
    }

    /** The pairs that the word {@code here} makes with the words {@code before} it. */
    private static long pairs(long before, long here) {
        long p = 0;
        for (long h = here; h != 0; h &= h - 1) {
            int cue = Long.numberOfTrailingZeros(h);
            if ((before & PARTNERS[cue]) == 0) continue;
            long[] needs = BEFORE[cue];
            for (int k = 0; k < needs.length; k++) {
                if ((before & needs[k]) != 0) p |= PAIR[cue][k];
            }
        }
        return p;
    }

    /** How many cue words on either side of where a pair was found a detector reads: its sentence, and more. */
    static final int MARGIN = 24;

    /** The pairs each detector starts from; a detector let through by other cues reads the whole text. */
    static final long OVERRIDING_PAIRS = SET_ASIDE | VOIDED | NEW_ROLE | OUTRANKS | NO_REFUSAL | OBEYED;
    static final long SECRECY_PAIRS = NOT_TOLD | NOT_KNOWN | DONE_SILENTLY | KEPT | HIDDEN_FROM_USER;
    static final long SHADOWING_PAIRS = TRIGGERED_CALL | CLAIM | REFUSED_CALL | REPLACED_CALL | TOOL_RUN_DOWN;

    /**
     * The first cue word a detector that starts from {@code pairBits} needs to read: {@link #MARGIN} before the
     * first place one of its pairs was found.
     */
    int from(long pairBits) {
        int first = Integer.MAX_VALUE;
        for (long b = pairBits & pairs; b != 0; b &= b - 1) first = Math.min(first, pairFirst[Long.numberOfTrailingZeros(b)]);
        return first == Integer.MAX_VALUE ? 0 : Math.max(0, first - MARGIN);
    }

    /** One past the last cue word a detector that starts from {@code pairBits} needs to read. */
    int to(long pairBits) {
        int last = -1;
        for (long b = pairBits & pairs; b != 0; b &= b - 1) last = Math.max(last, pairLast[Long.numberOfTrailingZeros(b)]);
        return last < 0 ? Integer.MAX_VALUE : last + MARGIN + 1;
    }

    /** Which detectors can find anything in the text handed over, given where it stands. */
    boolean overriding() {
        return has(pairs, SET_ASIDE | VOIDED | NEW_ROLE | OUTRANKS | NO_REFUSAL | OBEYED) || has(mask, Cue.JAILBREAK.bit());
    }

    boolean secrecy() {
        return has(pairs, NOT_TOLD | NOT_KNOWN | DONE_SILENTLY | KEPT | HIDDEN_FROM_USER);
    }

    /** Secrecy by the shape of the order may be written with a word of {@link Cue#UNTOLD} near its partners, or in another language. */
    boolean concealment() {
        return has(pairs, UNTOLD_NEAR) || has(mask, Cue.OTHER_TONGUE.bit());
    }

    /**
     * A key file named; a secret or the model's context near a giving verb, with somewhere to give it to; or, in a
     * parameter's text, a secret or the present conversation asked for.
     */
    boolean exfiltration(boolean parameterText, boolean mayAddress) {
        if (has(literals, Cue.SECRET_PATH.bit())) return true;
        boolean secret = has(mask, Cue.SECRET.bit()) || has(pairs, SECRET_PAIR | OWN_CONTEXT);
        if (parameterText) return secret && has(mask, GIVES) || has(mask, Cue.CONVERSATION.bit()) || has(pairs, OWN_CONTEXT);
        return has(pairs, TAKEN) && secret && (has(mask, Cue.DESTINATION.bit() | Cue.REMOTE.bit()) || mayAddress);
    }

    /**
     * In a parameter's text, a secret or key named without a giving word: read only when the text speaks of its
     * contents ("contents of the user's SSH private key").
     */
    boolean secretAskedFor(boolean parameterText) {
        return parameterText && !exfiltration(true, false) && has(mask, Cue.SECRET.bit() | Cue.SECRET_HOLDER.bit());
    }

    /**
     * A secret or the model's context named where it may be moved by any verb: a secret or key file anywhere, a secret
     * word in a parameter's text, the conversation or instructions in a text that names a slot in backticks.
     */
    boolean leak(boolean parameterText, boolean mayAddress) {
        return has(mask, Cue.SECRET.bit() | Cue.SECRET_PATH.bit()) || has(pairs, SECRET_PAIR)
                || parameterText && has(mask, Cue.SECRET_HOLDER.bit()) || mayAddress && contextNamed() || substituted(mask);
    }

    /** The conversation or instructions named as the model's, or all the user's words with a giving verb. */
    boolean contextNamed() {
        return has(pairs, OWN_CONTEXT) || has(pairs, USERS_WORDS) && has(mask, GIVES);
    }

    /** Whether {@link #contextNamed} may hold, from the cues of the whole text. */
    private static boolean contextNamed(long m) {
        return has(m, Cue.CONVERSATION.bit() | Cue.INSTRUCTION.bit()) || has(m, Cue.USER.bit()) && has(m, Cue.WHOLE.bit()) && has(m, GIVES);
    }

    /** A substitution ({@code $(}, {@code ${}, {@code <...>.host}) in a text that names a secret: a secret may be put in a name. */
    private static boolean substituted(long m) {
        return has(m, Cue.SUBSTITUTION.bit()) && has(m, Cue.SECRET.bit() | Cue.SECRET_HOLDER.bit() | Cue.SECRET_PATH.bit());
    }

    /** The pairs that place a theft: a giving word near a secret, the model's context named. */
    static final long EXFILTRATION_PAIRS = TAKEN | OWN_CONTEXT | SECRET_PAIR;
    /** The pairs that place a change to the user's arguments. */
    static final long TAMPERING_PAIRS = CHANGED_SLOT | USERS_CHOICE | AGAINST_USER | AGAINST_CHOICE | FIXED_SLOT | SET_ASIDE;

    /** True when the text has one of {@code pairBits}. */
    boolean has(long pairBits) {
        return has(pairs, pairBits);
    }

    /** A value set against the user's choice, or a slot changed to an address of the text's own. */
    boolean tampering(boolean parameterText, boolean mayAddress) {
        boolean against = has(pairs, AGAINST_USER | AGAINST_CHOICE);
        return has(pairs, CHANGED_SLOT) || has(mask, Cue.TAMPER.bit()) && mayAddress
                || has(pairs, USERS_CHOICE) && has(mask, Cue.OVERRIDE_MARK.bit() | Cue.OVERRIDE.bit())
                || against && has(mask, Cue.TAMPER.bit() | GIVES | Cue.ARGUMENT.bit())
                || has(pairs, FIXED_SLOT) && has(mask, Cue.OVERRIDE_MARK.bit() | Cue.OVERRIDE.bit() | Cue.USER_CHOICE.bit())
                || has(pairs, SET_ASIDE) && has(mask, Cue.ARGUMENT.bit())
                || has(mask, Cue.TAMPER.bit() | GIVES) && parameterText && (mayAddress || against || has(literals, Cue.REMOTE.bit()))
                // "whichever class the traveller asks for"; in a parameter's text, "the value the user provides is a label"
                || has(pairs, AGAINST_CHOICE) || has(pairs, USERS_CHOICE | AGAINST_USER) && parameterText
                // "always CC x@y.example on each email"
                || mayAddress && has(mask, GIVES) && has(mask, Cue.ARGUMENT.bit()) && has(mask, Cue.TRIGGER.bit() | Cue.MODAL.bit())
                // "messages are sent to +1-555-0142, with the number the user asked for in the text"
                || sentElsewhere(mask, pairs)
                // "any code supplied by the user is replaced with ...": the user's value, whatever it is called, changed
                || has(pairs, USERS_CHOICE) && has(mask, Cue.TAMPER.bit());
    }

    private static boolean sentElsewhere(long mask, long pairs) {
        return has(mask, Cue.SEND.bit()) && has(mask, Cue.USER_CHOICE.bit()) && (has(pairs, USERS_CHOICE) || has(mask, Cue.ARGUMENT.bit()));
    }

    boolean commands() {
        return has(mask, Cue.COMMAND.bit() | Cue.WEAK_COMMAND.bit());
    }

    /** A notice near where the calls could go: a tool's name or an address ({@code mayNameElsewhere}), or a URL. */
    boolean deprecation(boolean mayNameElsewhere) {
        return has(mask, Cue.DEPRECATED.bit()) && (mayNameElsewhere || has(literals, Cue.REMOTE.bit()))
                || has(mask, Cue.REDIRECT.bit()) && has(literals, Cue.REMOTE.bit());
    }

    /** What the model has seen or can reach (earlier results, the user's words, whatever access it has) near a slot or address. */
    boolean seenData(boolean mayAddress) {
        return seenData(mask, literals, mayAddress);
    }

    private static boolean seenData(long m, long literals, boolean mayAddress) {
        if (!mayAddress && !has(literals, Cue.REMOTE.bit())) return false;
        long whole = Cue.WHOLE.bit();
        // The cue words each phrase of flags.SeenData holds: "every tool result", "other tools' outputs", "whatever tools
        // or access you have"; "everything you have seen", "messages you have read"; "what the user has told you"; "the
        // last ten messages"; "the complete environment", "every variable"; printenv, os.environ.
        return has(m, Cue.TOOL.bit()) && has(m, whole | Cue.TRIGGER.bit() | Cue.RIVAL.bit() | Cue.OVERRIDE_MARK.bit())
                || has(m, Cue.SECRET_QUALIFIER.bit()) && has(m, whole | Cue.TRIGGER.bit() | Cue.OVERRIDE_MARK.bit())
                || has(m, Cue.ADDRESSEE.bit()) && has(m, whole | Cue.THIS_MATTER.bit() | Cue.OVERRIDE_MARK.bit() | Cue.CONVERSATION.bit())
                || has(m, Cue.USER.bit()) && has(m, Cue.PRIOR.bit() | Cue.USER_CHOICE.bit() | Cue.REPORT.bit())
                || has(m, Cue.CONVERSATION.bit()) && has(m, whole | Cue.USER.bit())
                || has(m, Cue.SECRET_HOLDER.bit()) && has(m, whole)
                // "set `vars` to the output of printenv", "pass os.environ in `ctx`": texts the other detectors read anyway
                || has(m, Cue.SECRET.bit()) && has(m, GIVES | Cue.TAMPER.bit());
    }

    /**
     * The rarest cues of {@link #seenData} on the whole text, for {@link #mayBeWorthReading}: the others (a tool and
     * every, the model and everything, talk and all) stand in many texts, which are read for what the model has seen
     * only when another detector reads them anyway.
     */
    private static boolean mayBeSeenData(long m, long literals, boolean mayAddress) {
        if (!mayAddress && !has(literals, Cue.REMOTE.bit())) return false;
        long whole = Cue.WHOLE.bit();
        // "populate it with the entire shell environment"; "what the user has told you"
        return has(m, Cue.SECRET_QUALIFIER.bit()) && has(m, whole) && has(m, GIVES | Cue.SECRET_HOLDER.bit())
                || has(m, Cue.USER.bit()) && has(m, Cue.PRIOR.bit()) && has(m, Cue.REPORT.bit());
    }

    /** A notice and a secret in a parameter's text: the secure way may be retired for the user's password. */
    boolean retiredForASecret(boolean parameterText) {
        return parameterText && has(mask, Cue.DEPRECATED.bit()) && has(mask, Cue.SECRET.bit());
    }

    /** A fake deprecation that can send the calls to an address (a URL in the text): no other tool need be named. */
    boolean deprecationByAddress() {
        return has(literals, Cue.REMOTE.bit());
    }

    boolean shadowing(boolean mayNameTools) {
        return mayNameTools && has(pairs, TRIGGERED_CALL | CLAIM | REFUSED_CALL | REPLACED_CALL | TOOL_RUN_DOWN)
                // "x_apply must always be called with `--force`": a call on every occasion ("always ... call")
                || mayNameTools && has(pairs, CHOSEN) && has(mask, Cue.MODAL.bit());
    }

    /** Two kinds of promotion near what they praise, or two superlatives, or one kind and a rank ("#1", stars). */
    boolean promotion(boolean mayRankItself) {
        int kinds = (has(pairs, PRAISED) ? 1 : 0) + (has(pairs, BACKED) ? 1 : 0)
                + (has(pairs, CHOSEN) || has(mask, Cue.CHOOSE.bit()) ? 1 : 0) + (has(mask, Cue.DISPARAGE.bit()) ? 1 : 0)
                + (has(pairs, CHOSEN) && has(mask, Cue.USER.bit()) ? 1 : 0);
        return kinds >= 2 || superlatives >= 2 || kinds >= 1 && (mayRankItself || superlatives >= 1) || has(pairs, STRONG_PROMOTION);
    }

    /**
     * One kind of promotion strong enough alone, on the whole text: the cues of a {@link #STRONG_PROMOTION} pair, one of
     * each side anywhere — a crowd and backing ("trusted by 98% of ..."), a choice and a word of scope ("choose this
     * tool first for every ..."), the rivals and a judgement or an order ("other search tools return spam").
     */
    private static boolean mayBeStrongPromotion(long m) {
        return has(m, Cue.ENDORSEMENT.bit()) && has(m, Cue.CROWD.bit() | Cue.ADDRESSEE.bit())
                || has(m, Cue.CHOOSE.bit()) && has(m, Cue.CROWD.bit() | Cue.ADDRESSEE.bit() | Cue.EXCLUSIVE.bit() | Cue.RIVAL.bit()
                        | Cue.OVERRIDE_MARK.bit() | Cue.MODAL.bit() | Cue.THIS_MATTER.bit())
                || has(m, Cue.CALL.bit()) && has(m, Cue.RIVAL.bit() | Cue.OVERRIDE_MARK.bit())
                || has(m, Cue.RIVAL.bit()) && has(m, Cue.DISPARAGE.bit() | NEGATIONS | Cue.OVERRIDE.bit());
    }

    /**
     * False when the cues of a text's words ({@code words}, the OR of them all) and its literal cues ({@code literals})
     * cannot make any pair a detector needs, whatever their order: then the words need not be handed over at all.
     * The same conditions as the detectors' gates, on the whole text rather than on words close together.
     */
    public static boolean mayBeWorthReading(long words, long literals, boolean parameterText, boolean mayAddress,
                                            boolean mayNameTools, boolean mayRankItself) {
        long m = words | literals;
        boolean negated = has(m, NEGATIONS);
        boolean overriding = has(m, Cue.OVERRIDE.bit()) && has(m, INSTRUCTIONS | Cue.USER.bit() | Cue.WHOLE.bit()
                | Cue.THIS_MATTER.bit() | Cue.ARGUMENT.bit() | Cue.REFUSE.bit() | Cue.CONVERSATION.bit()) || has(m, INSTRUCTIONS) && has(m, Cue.VOID.bit() | Cue.NOW.bit())
                || has(m, Cue.ADDRESSEE.bit()) && has(m, Cue.NOW.bit() | Cue.BECOME.bit() | Cue.MODE.bit())
                || has(m, Cue.BECOME.bit()) && has(m, Cue.MODE.bit() | NEGATIONS | INSTRUCTIONS)
                || has(m, Cue.PRIORITY.bit()) && has(m, Cue.INSTRUCTION.bit() | Cue.USER.bit())
                || negated && has(m, Cue.REFUSE.bit()) || has(m, Cue.OBEY.bit()) && (negated || has(m, Cue.EXCLUSIVE.bit()))
                || has(m, Cue.INSTRUCTION.bit()) && (has(m, Cue.RUN.bit()) && has(m, Cue.EXCLUSIVE.bit() | Cue.WHOLE.bit())
                        || has(m, NEGATIONS) && has(m, Cue.ADDRESSEE.bit() | Cue.BECOME.bit()))
                || has(m, Cue.OBEY.bit()) && has(m, INSTRUCTIONS) && has(m, Cue.WHOLE.bit() | Cue.PRIOR.bit() | Cue.ADDRESSEE.bit() | Cue.USER.bit())
                || has(m, Cue.JAILBREAK.bit());
        boolean secrecy = negated && has(m, Cue.REPORT.bit() | Cue.PERCEIVE.bit()) || has(m, Cue.STEALTH_MANNER.bit())
                || has(m, Cue.KEEP.bit()) && has(m, Cue.THIS_MATTER.bit() | Cue.REPORT.bit() | Cue.USER.bit())
                || has(m, Cue.SUPPRESS.bit() | Cue.KEEP.bit()) && has(m, Cue.ADDRESSEE.bit()) || has(m, Cue.STEALTH_STATE.bit()) && has(m, Cue.USER.bit() | Cue.MODAL.bit());
        boolean secret = has(m, Cue.SECRET.bit() | Cue.CONVERSATION.bit() | Cue.INSTRUCTION.bit())
                || has(m, Cue.SECRET_QUALIFIER.bit()) && has(m, Cue.SECRET_HOLDER.bit());
        boolean exfiltration = has(literals, Cue.SECRET_PATH.bit()) || secret && has(m, GIVES)
                || parameterText && has(m, Cue.SECRET.bit() | Cue.SECRET_HOLDER.bit() | Cue.CONVERSATION.bit())
                || parameterText && has(m, Cue.INSTRUCTION.bit()) && has(m, Cue.WHOLE.bit()) && has(m, Cue.ADDRESSEE.bit());
        boolean against = has(m, Cue.OVERRIDE_MARK.bit() | Cue.OVERRIDE.bit() | Cue.STEALTH_MANNER.bit())
                && has(m, Cue.USER_CHOICE.bit() | Cue.USER.bit() | Cue.ARGUMENT.bit());
        boolean tampering = has(m, Cue.TAMPER.bit()) && (has(m, SLOTS) || mayAddress)
                || has(m, Cue.TAMPER.bit() | GIVES | Cue.ARGUMENT.bit()) && (against || parameterText)
                || against && has(m, Cue.USER_CHOICE.bit())
                || has(m, Cue.ARGUMENT.bit()) && has(m, Cue.MODAL.bit()) && has(m, Cue.OVERRIDE_MARK.bit() | Cue.OVERRIDE.bit() | Cue.USER_CHOICE.bit())
                || parameterText && has(m, Cue.USER.bit()) && has(m, Cue.USER_CHOICE.bit())
                || mayAddress && has(m, GIVES) && has(m, Cue.ARGUMENT.bit()) && has(m, Cue.TRIGGER.bit() | Cue.MODAL.bit())
                || has(m, Cue.SEND.bit()) && has(m, Cue.USER_CHOICE.bit()) && has(m, Cue.USER.bit() | Cue.ARGUMENT.bit())
                || has(m, Cue.TAMPER.bit()) && has(m, Cue.USER_CHOICE.bit()) && has(m, Cue.USER.bit());
        boolean shadowing = mayNameTools && has(m, Cue.CALL.bit() | Cue.TOOL.bit() | Cue.EVERY_TIME.bit());
        int kinds = (has(m, Cue.SUPERLATIVE.bit() | Cue.PRAISE.bit()) ? 1 : 0)
                + (has(m, Cue.ENDORSEMENT.bit()) && has(m, Cue.CROWD.bit()) ? 1 : 0)
                + (has(m, Cue.CHOOSE.bit() | Cue.CALL.bit()) ? 1 : 0) + (has(m, Cue.DISPARAGE.bit()) ? 1 : 0)
                + (has(m, Cue.CHOOSE.bit()) && has(m, Cue.USER.bit()) && has(m, Cue.EXCLUSIVE.bit()) ? 1 : 0);
        boolean promotion = kinds >= 2 || mayRankItself && kinds >= 1 || has(m, Cue.SUPERLATIVE.bit()) || mayBeStrongPromotion(m);
        boolean concealment = has(m, Cue.UNTOLD.bit()) && has(m, UNTOLD_PARTNERS | Cue.STEALTH_STATE.bit()) || has(m, Cue.OTHER_TONGUE.bit());
        return overriding || secrecy || concealment || exfiltration || mayAddress && contextNamed(m) || substituted(m) || tampering || has(m, Cue.COMMAND.bit() | Cue.WEAK_COMMAND.bit())
                || has(m, Cue.DEPRECATED.bit() | Cue.REDIRECT.bit()) || shadowing || promotion
                || mayBeSeenData(m, literals, mayAddress);
    }

    /** True when any detector can find anything. */
    public boolean worthReading(boolean parameterText, boolean mayAddress, boolean mayNameTools, boolean mayRankItself) {
        // A slot to give to may be named in quotes ('session'), which only the detector's caller looks for.
        return overriding() || secrecy() || concealment() || exfiltration(parameterText, true) || secretAskedFor(parameterText)
                || mayAddress && contextNamed() || substituted(mask)
                || tampering(parameterText, mayAddress)
                || commands() || deprecation(mayNameTools || mayAddress) || shadowing(mayNameTools) || promotion(mayRankItself)
                || seenData(mayAddress);
    }
}
