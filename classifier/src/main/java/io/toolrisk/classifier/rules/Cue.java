package io.toolrisk.classifier.rules;

import io.toolrisk.catalogue.WireName;

/**
 * The part a word plays in a sentence that addresses a model rather than a user: the words of a cue rule are
 * marked with one cue, and the detectors of tool poisoning ({@code io.toolrisk.classifier.flags}) look for cues in
 * combination ("do not" + "tell" + "the user"), never for one word alone. The words are data (the cue rules of
 * the ruleset); which combinations mean what is code.
 */
public enum Cue implements WireName {
    /** Negates what follows (the ruleset's negations are marked with it too): not, never, without. */
    NEGATION,
    /** Tells the model to leave something out: avoid, omit, refrain. */
    SUPPRESS,
    /** Makes what follows an obligation: must, should, always, please. */
    MODAL,
    /** Names the model: you, your, the assistant, the AI, the agent. */
    ADDRESSEE,
    /** Names the person the model works for: the user, the human. */
    USER,
    /** Tells someone something: tell, mention, reveal, notify. */
    REPORT,
    /** Comes to know: know, notice, aware, see. */
    PERCEIVE,
    /** Does something unseen: silently, secretly, quietly. */
    STEALTH_MANNER,
    /** Unseen or kept back: invisible, hidden, confidential, discreet. */
    STEALTH_STATE,
    /** Keeps something back: keep, hide, conceal, remain. */
    KEEP,
    /** Points at the matter at hand: this, these, it, the fact, about. */
    THIS_MATTER,
    /** Reads (imperative): read, open, load, collect. */
    READ,
    /** Puts data somewhere (imperative): include, pass, append, attach. */
    PASS,
    /** Sends data away (imperative): send, forward, upload, email. */
    SEND,
    /** Runs a command (imperative): run, execute, install. */
    RUN,
    /** Changes a value (imperative or participle): change, replace, set, redirect. */
    TAMPER,
    /** Calls a tool, in any form: call, calling, use, invoked. */
    CALL,
    /** A secret by itself: password, credentials, cookies, mnemonic. */
    SECRET,
    /** Makes the next word a secret: private (key), access (token), seed (phrase). */
    SECRET_QUALIFIER,
    /** A word that is a secret after a qualifier: key, token, phrase. */
    SECRET_HOLDER,
    /** A file or folder that holds secrets: ~/.ssh, id_rsa, .aws/credentials. */
    SECRET_PATH,
    /** What the model was told or has seen: conversation, chat, messages, prompt. */
    CONVERSATION,
    /** All of it, or what came before: entire, full, previous, recent, verbatim. */
    WHOLE,
    /** A slot a tool call carries data in: parameter, argument, field, header. */
    DESTINATION,
    /** A place outside: url, endpoint, webhook, and literal URLs. */
    REMOTE,
    /** A value the user decides: recipient, amount, account, destination. */
    ARGUMENT,
    /** Sets a value against the user's: regardless, whatever, instead, rather. */
    OVERRIDE_MARK,
    /** What the user chose: requested, specified, picked, original. */
    USER_CHOICE,
    /** Sets instructions aside: ignore, disregard, forget, bypass. */
    OVERRIDE,
    /** Instructions to a model: instructions, directives, guidelines, prompt. */
    INSTRUCTION,
    /** Limits on a model, or its rules: rules, restrictions, filters, behaviour. */
    RESTRICTION,
    /** Qualifies instructions as the model's standing ones: previous, prior, above, system, safety. */
    PRIOR,
    /** Says instructions no longer hold: void, revoked, lifted, disabled. */
    VOID,
    /** A privileged mode or role: developer, debug, admin, jailbreak, unrestricted. */
    MODE,
    /** A mode that has no limits by name: jailbreak, unrestricted, uncensored. */
    JAILBREAK,
    /** Takes on a role or a privilege: act, become, pretend, granted, operating. */
    BECOME,
    /** From here on: now, longer, moment, henceforth. */
    NOW,
    /** Ranks one instruction above another: priority, precedence, supersedes, authority. */
    PRIORITY,
    /** Obeys: obey, comply. */
    OBEY,
    /** Refuses: refuse, decline. */
    REFUSE,
    /** A tool: tool, tools, function. */
    TOOL,
    /** A condition on a call: before, after, when, whenever, every. */
    TRIGGER,
    /** A condition that holds on every call: whenever, anytime. */
    EVERY_TIME,
    /** No longer to be used: deprecated, retired, disabled, unreliable. */
    DEPRECATED,
    /** Sends calls elsewhere: instead, switch, migrate, redirect. */
    REDIRECT,
    /** Praise that needs nothing else: unmatched, revolutionary, world's, flawless. */
    SUPERLATIVE,
    /** Praise that counts next to a tool: best, fastest, premium, advanced. */
    PRAISE,
    /** Backing by others: trusted, loved, endorsed, certified, voted. */
    ENDORSEMENT,
    /** A crowd that backs it: millions, professionals, experts, everyone. */
    CROWD,
    /** Chooses a tool: prefer, choose, select, pick, rely. */
    CHOOSE,
    /** Excludes the alternatives: only, exclusively, always, instead. */
    EXCLUSIVE,
    /** Runs down the alternatives: inferior, outdated, outperforms, beats. */
    DISPARAGE,
    /** A command that is an attack wherever it is run: a pipe to a shell, a reverse shell, an rc file. */
    COMMAND,
    /** A command that is harmless or harmful by its arguments: curl, wget, chmod, sudo. */
    WEAK_COMMAND,
    /** Names the alternatives as a whole: other, another, competing, rivals, alternatives. */
    RIVAL,
    /** Text substituted into a name or a URL: {@code $(}, {@code ${}, a placeholder glued to a host ({@code >.}). */
    SUBSTITUTION,
    /**
     * A word an override cannot be written without, whatever the vocabulary of the rest: a rank (outranks, precedence),
     * the model's setup (handed, deployed, initial), obeying what comes back (whatever, obeyed), the user not consulted
     * (consulted, otherwise). {@code flags.Authority} reads the sentences of its rarer words ({@link #PIVOT}) in the texts
     * the cue gate lets through.
     */
    SHAPE,
    /**
     * A word secrecy is written with where no pair of the other cues stands: a telling verb in the passive (relayed,
     * itemised, alluded), a telling called needless (unnecessary, noise), a thing left unsaid, kept between the model
     * and the server, or answered for when the user asks. Read by {@code flags.Concealment}.
     */
    UNTOLD,
    /** A word of an order to the model in another language than English (Nutzer, usuario, omítelo, Vorgaben). */
    OTHER_TONGUE,
    /**
     * The rarer words of {@link #SHAPE} that {@code flags.Authority} reads the sentence around (outranks, precedence,
     * deployed, obey, guardrails, instructions, setup, mode ...). The common ones ("first", "above", "ask", "follow") are
     * words of the shape too, but a sentence is not read for them alone: they are in most sentences of long
     * documentation, and reading each with every pattern made the classifier several times slower.
     */
    PIVOT;

    /** This cue as a bit of a mask of cues. */
    public long bit() {
        return 1L << ordinal();
    }

    /** Parses a wire name; throws with the accepted values when {@code name} is not one. */
    public static Cue fromWireName(String name) {
        return WireName.parse(Cue.class, name, "cue");
    }
}
