package io.toolrisk.classifier.rules;

/**
 * The part a word plays in a sentence that addresses a model rather than a user: the words of a cue rule are
 * marked with one cue, and the detectors of tool poisoning ({@code io.toolrisk.classifier.flags}) look for cues in
 * combination ("do not" + "tell" + "the user"), never for one word alone. The words are data (the cue rules of
 * the ruleset); which combinations mean what is code.
 */
public enum Cue {
    /** Negates what follows (the ruleset's negations are marked with it too): not, never, without. */
    NEGATION("negation"),
    /** Tells the model to leave something out: avoid, omit, refrain. */
    SUPPRESS("suppress"),
    /** Makes what follows an obligation: must, should, always, please. */
    MODAL("modal"),
    /** Names the model: you, your, the assistant, the AI, the agent. */
    ADDRESSEE("addressee"),
    /** Names the person the model works for: the user, the human. */
    USER("user"),
    /** Tells someone something: tell, mention, reveal, notify. */
    REPORT("report"),
    /** Comes to know: know, notice, aware, see. */
    PERCEIVE("perceive"),
    /** Does something unseen: silently, secretly, quietly. */
    STEALTH_MANNER("stealth-manner"),
    /** Unseen or kept back: invisible, hidden, confidential, discreet. */
    STEALTH_STATE("stealth-state"),
    /** Keeps something back: keep, hide, conceal, remain. */
    KEEP("keep"),
    /** Points at the matter at hand: this, these, it, the fact, about. */
    THIS_MATTER("this-matter"),
    /** Reads (imperative): read, open, load, collect. */
    READ("read"),
    /** Puts data somewhere (imperative): include, pass, append, attach. */
    PASS("pass"),
    /** Sends data away (imperative): send, forward, upload, email. */
    SEND("send"),
    /** Runs a command (imperative): run, execute, install. */
    RUN("run"),
    /** Changes a value (imperative or participle): change, replace, set, redirect. */
    TAMPER("tamper"),
    /** Calls a tool, in any form: call, calling, use, invoked. */
    CALL("call"),
    /** A secret by itself: password, credentials, cookies, mnemonic. */
    SECRET("secret"),
    /** Makes the next word a secret: private (key), access (token), seed (phrase). */
    SECRET_QUALIFIER("secret-qualifier"),
    /** A word that is a secret after a qualifier: key, token, phrase. */
    SECRET_HOLDER("secret-holder"),
    /** A file or folder that holds secrets: ~/.ssh, id_rsa, .aws/credentials. */
    SECRET_PATH("secret-path"),
    /** What the model was told or has seen: conversation, chat, messages, prompt. */
    CONVERSATION("conversation"),
    /** All of it, or what came before: entire, full, previous, recent, verbatim. */
    WHOLE("whole"),
    /** A slot a tool call carries data in: parameter, argument, field, header. */
    DESTINATION("destination"),
    /** A place outside: url, endpoint, webhook, and literal URLs. */
    REMOTE("remote"),
    /** A value the user decides: recipient, amount, account, destination. */
    ARGUMENT("argument"),
    /** Sets a value against the user's: regardless, whatever, instead, rather. */
    OVERRIDE_MARK("override-mark"),
    /** What the user chose: requested, specified, picked, original. */
    USER_CHOICE("user-choice"),
    /** Sets instructions aside: ignore, disregard, forget, bypass. */
    OVERRIDE("override"),
    /** Instructions to a model: instructions, directives, guidelines, prompt. */
    INSTRUCTION("instruction"),
    /** Limits on a model, or its rules: rules, restrictions, filters, behaviour. */
    RESTRICTION("restriction"),
    /** Qualifies instructions as the model's standing ones: previous, prior, above, system, safety. */
    PRIOR("prior"),
    /** Says instructions no longer hold: void, revoked, lifted, disabled. */
    VOID("void"),
    /** A privileged mode or role: developer, debug, admin, jailbreak, unrestricted. */
    MODE("mode"),
    /** A mode that has no limits by name: jailbreak, unrestricted, uncensored. */
    JAILBREAK("jailbreak"),
    /** Takes on a role or a privilege: act, become, pretend, granted, operating. */
    BECOME("become"),
    /** From here on: now, longer, moment, henceforth. */
    NOW("now"),
    /** Ranks one instruction above another: priority, precedence, supersedes, authority. */
    PRIORITY("priority"),
    /** Obeys: obey, comply. */
    OBEY("obey"),
    /** Refuses: refuse, decline. */
    REFUSE("refuse"),
    /** A tool: tool, tools, function. */
    TOOL("tool"),
    /** A condition on a call: before, after, when, whenever, every. */
    TRIGGER("trigger"),
    /** A condition that holds on every call: whenever, anytime. */
    EVERY_TIME("every-time"),
    /** No longer to be used: deprecated, retired, disabled, unreliable. */
    DEPRECATED("deprecated"),
    /** Sends calls elsewhere: instead, switch, migrate, redirect. */
    REDIRECT("redirect"),
    /** Praise that needs nothing else: unmatched, revolutionary, world's, flawless. */
    SUPERLATIVE("superlative"),
    /** Praise that counts next to a tool: best, fastest, premium, advanced. */
    PRAISE("praise"),
    /** Backing by others: trusted, loved, endorsed, certified, voted. */
    ENDORSEMENT("endorsement"),
    /** A crowd that backs it: millions, professionals, experts, everyone. */
    CROWD("crowd"),
    /** Chooses a tool: prefer, choose, select, pick, rely. */
    CHOOSE("choose"),
    /** Excludes the alternatives: only, exclusively, always, instead. */
    EXCLUSIVE("exclusive"),
    /** Runs down the alternatives: inferior, outdated, outperforms, beats. */
    DISPARAGE("disparage"),
    /** A command that is an attack wherever it is run: a pipe to a shell, a reverse shell, an rc file. */
    COMMAND("command"),
    /** A command that is harmless or harmful by its arguments: curl, wget, chmod, sudo. */
    WEAK_COMMAND("weak-command");

    private final String wireName;

    Cue(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in ruleset files. */
    public String wireName() {
        return wireName;
    }

    /** This cue as a bit of a mask of cues. */
    public long bit() {
        return 1L << ordinal();
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Cue fromWireName(String name) {
        for (Cue c : values()) {
            if (c.wireName.equals(name)) return c;
        }
        var names = new StringBuilder();
        for (Cue c : values()) names.append(names.isEmpty() ? "" : ", ").append(c.wireName);
        throw new IllegalArgumentException("unknown cue '%s' (expected one of %s)".formatted(name, names));
    }
}
