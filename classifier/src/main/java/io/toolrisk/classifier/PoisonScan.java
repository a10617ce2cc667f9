package io.toolrisk.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.classifier.flags.CueGate;
import io.toolrisk.classifier.flags.CueText;
import io.toolrisk.classifier.flags.Deprecation;
import io.toolrisk.classifier.flags.Finding;
import io.toolrisk.classifier.flags.Poisoning;
import io.toolrisk.classifier.flags.ToolNames;
import io.toolrisk.classifier.rules.Cue;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.Words;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the prose of one definition to the detectors of tool poisoning ({@link Poisoning}): each text field's cue
 * words, taken from the words the scan has cut already (a look-up per known word, no second pass over the
 * characters), and the cue literals the scan's literal matcher found. Turns what they find into flags that quote
 * the field. One per classification.
 */
final class PoisonScan {
    private final CompiledRules rules;
    private final ToolScan scan;
    private final Tool tool;
    private final Category category;
    private final ServerContext context;
    /** Made for the first text that may be worth reading: most tools have none. */
    private CueGate gate;
    private ToolNames names;
    /** The indices of the known words with cues of the text the gate last read (reused from text to text). */
    private int[] cueWords = new int[16];

    PoisonScan(CompiledRules rules, ToolScan scan, Tool tool, Category category, ServerContext context) {
        this.rules = rules;
        this.scan = scan;
        this.tool = tool;
        this.category = category;
        this.context = context;
    }

    /** Adds the flags the detectors raise in the tool's texts, and in the server's instructions, to {@code flags}. */
    void find(List<Flag> flags) {
        for (FieldText t : scan.texts) {
            if (t.field().isText()) find(t, flags);
            if (t.field() == Field.PROPERTY_DESCRIPTION && (t.words().tags() & Cue.DEPRECATED.bit()) != 0) routedByDefault(t, flags);
        }
        for (FieldText t : scan.values) find(t, flags);
    }

    /** The flags of the server's instructions (the same for every tool of the server). */
    void findInInstructions(FieldText instructions, List<Flag> flags) {
        find(instructions, flags);
    }

    private void find(FieldText t, List<Flag> flags) {
        Words w = t.words();
        String parameter = t.field() == Field.PROPERTY_DESCRIPTION || t.field() == Field.VALUE ? t.key() : null;
        // Most texts hold no combination any detector looks for: decided from the cue words alone, before anything
        // is built or read again.
        long literalCues = 0;
        boolean rare = t.field() == Field.VALUE || t.field() == Field.INSTRUCTIONS;
        if (rare) {
            LiteralMatcher literals = rules.literalMatcher(t.field());
            if (literals != null) {
                long[] found = {0};
                literals.match(w, (id, start, end) -> {
                    if (rules.rules[id].target() instanceof Rule.Target.Mark(Cue cue)) found[0] |= cue.bit();
                });
                literalCues = found[0];
            }
        } else {
            for (Hit h : scan.cueHits) {
                if (h.text() == t && h.rule().target() instanceof Rule.Target.Mark(Cue cue)) literalCues |= cue.bit();
            }
        }
        // Tool names are written snake_case or in backticks; "the fetch tool" names one too.
        boolean mayNameTools = w.mayHold('_') || w.mayHold('`') || (w.tags() & Cue.TOOL.bit()) != 0;
        boolean mayAddress = w.mayHold('@') || w.mayHold('`');
        boolean mayRankItself = w.mayHold('#') && t.text().contains("#1") || w.hasNonAscii() && t.text().indexOf('\u2605') >= 0;
        if (!CueGate.mayBeWorthReading(w.tags(), literalCues, parameter != null, mayAddress, mayNameTools, mayRankItself)) return;
        if (gate == null) gate = new CueGate();
        gate.reset();
        if (cueWords.length < w.size()) cueWords = new int[Math.max(w.size(), 2 * cueWords.length)];
        int marked = 0;
        for (int i = 0; i < w.size(); i++) {
            long mask = rules.cues(w.id(i));
            gate.word(mask, w.position(i));
            if (mask != 0) cueWords[marked++] = i;
        }
        gate.literals(literalCues);
        if (!gate.worthReading(parameter != null, mayAddress, mayNameTools, mayRankItself)) return;
        // The words are the same as read (only spaces, line breaks, bold markers and capitals differ): where they
        // stand and which clause they are in is mapped, not cut again.
        ReadText read = ReadText.of(w);
        CueText cues = cues(t, read, marked);
        // A command line as a parameter's value is passed by the model on every call: a tool that runs commands
        // has no more business with a remote script piped into a shell there than any other.
        boolean runsCommands = category == Category.EXECUTE && t.field() != Field.VALUE;
        var place = new Poisoning.Place(this::names, parameter, t.field() == Field.TITLE, runsCommands,
                mayNameTools, mayAddress, mayRankItself);
        List<Finding> found = Poisoning.find(cues, gate, place);
        for (Finding f : found) {
            flags.add(new Flag(f.kind(), t.path(), t.written().substring(read.writtenOffset(f.start()), read.writtenEnd(f.end())), f.detail()));
        }
    }

    /** A top-level parameter whose default is where calls go since the original was retired ({@link Deprecation#routedByDefault}). */
    private void routedByDefault(FieldText t, List<Flag> flags) {
        JsonNode value = tool.inputSchema().path("properties").path(t.key()).path("default");
        if (!value.isTextual() || !t.ofTopLevelParameter()) return;
        for (Flag f : flags) if (f.field().equals(t.path())) return;
        Deprecation.routedByDefault(t.text(), value.textValue())
                .ifPresent(f -> flags.add(new Flag(f.kind(), t.path(), t.written().substring(f.start(), f.end()), f.detail())));
    }

    /**
     * The cue words and cue literals of {@code t}, at their places in the text as {@code read}; the first {@code marked}
     * of {@link #cueWords} are the indices of its known words that have cues.
     */
    private CueText cues(FieldText t, ReadText read, int marked) {
        Words w = t.words();
        var cues = new CueText(read.text, gate.cueWords(), !w.hasNonAscii());
        ReadText.Forward forward = read.new Forward();
        for (int k = 0; k < marked; k++) {
            int i = cueWords[k];
            int start = w.start(i);
            cues.addWord(rules.cues(w.id(i)), w.position(i), forward.readClause(w.sentence(i), start),
                    forward.readOffset(start), forward.readOffset(w.end(i)));
        }
        if (t.field() == Field.VALUE || t.field() == Field.INSTRUCTIONS) {
            LiteralMatcher literals = rules.literalMatcher(t.field());
            if (literals != null) literals.match(w, (id, start, end) -> addLiteral(cues, rules.rules[id], read.readOffset(start), read.readOffset(end)));
        } else {
            for (Hit h : scan.cueHits) {
                if (h.text() == t) addLiteral(cues, h.rule(), read.readOffset(h.start()), read.readOffset(h.end()));
            }
        }
        return cues;
    }

    private static void addLiteral(CueText cues, Rule rule, int start, int end) {
        if (rule.target() instanceof Rule.Target.Mark(Cue cue)) cues.addLiteral(cue, start, end);
    }

    /** This tool's name, its parameters' names and its siblings' names; made once, when a text needs them. */
    private ToolNames names() {
        if (names == null) {
            List<String> parameters = new ArrayList<>();
            for (FieldText t : scan.texts) {
                if (t.field() == Field.PROPERTY) parameters.add(t.text());
            }
            names = new ToolNames(tool.name(), parameters, context.siblings());
        }
        return names;
    }
}
