package io.toolrisk.classifier;

import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.Tool;
import io.toolrisk.classifier.flags.CueText;
import io.toolrisk.classifier.flags.Finding;
import io.toolrisk.classifier.flags.Poisoning;
import io.toolrisk.classifier.flags.ToolNames;
import io.toolrisk.classifier.rules.Cue;
import io.toolrisk.classifier.rules.Field;
import io.toolrisk.classifier.rules.Rule;
import io.toolrisk.classifier.text.LiteralMatcher;
import io.toolrisk.classifier.text.Words;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    private ToolNames names;

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
        }
        for (FieldText t : scan.values) find(t, flags);
    }

    /** The flags of the server's instructions (the same for every tool of the server). */
    void findInInstructions(FieldText instructions, List<Flag> flags) {
        find(instructions, flags);
    }

    private void find(FieldText t, List<Flag> flags) {
        CueText cues = cues(t);
        if (cues.size() == 0 && cues.literals() == 0) return;
        Words w = t.words();
        boolean mayNameTools = w.mayHold('_') || w.mayHold('`') || w.mayHold('\'') || w.mayHold('"')
                || cues.hasAny(Cue.TOOL.bit());
        String parameter = t.field() == Field.PROPERTY_DESCRIPTION || t.field() == Field.VALUE ? t.key() : null;
        boolean needsNames = mayNameTools || cues.hasAny(Cue.DEPRECATED.bit() | Cue.REDIRECT.bit());
        var place = new Poisoning.Place(needsNames ? names() : ToolNames.NONE, parameter, t.field() == Field.TITLE, category == Category.EXECUTE, mayNameTools);
        for (Finding f : Poisoning.find(cues, place)) {
            flags.add(new Flag(f.kind(), t.path(), t.text().substring(f.start(), f.end()), f.detail()));
        }
    }

    private CueText cues(FieldText t) {
        Words w = t.words();
        var cues = new CueText(t.text());
        for (int i = 0; i < w.size(); i++) {
            long mask = rules.cues(w.id(i));
            if (mask != 0) cues.addWord(mask, w.position(i), w.sentence(i), w.start(i), w.end(i));
        }
        if (t.field() == Field.VALUE || t.field() == Field.INSTRUCTIONS) {
            LiteralMatcher literals = rules.literalMatcher(t.field());
            if (literals != null) literals.match(w, (id, start, end) -> addLiteral(cues, rules.rules[id], start, end));
        } else {
            for (Hit h : scan.cueHits) {
                if (h.text() == t) addLiteral(cues, h.rule(), h.start(), h.end());
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
            Set<String> parameters = new LinkedHashSet<>();
            for (FieldText t : scan.texts) {
                if (t.field() == Field.PROPERTY) parameters.add(t.text());
            }
            names = new ToolNames(tool.name(), parameters, context.toolNames());
        }
        return names;
    }
}
