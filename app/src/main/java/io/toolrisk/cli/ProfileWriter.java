package io.toolrisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.RiskProfile;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the entries of one batch (profiles, and errors standing in for unreadable tools) into bytes in one
 * of the {@link ProfileFormat}s; the table has a row per entry: tool, category, severity, the strongest
 * evidence and the flags. Within a batch, JSON-array entries are separated by {@code ",\n"}; the caller
 * puts the same separator between non-empty batches and the brackets around all. Not thread-safe; one per batch.
 */
final class ProfileWriter {
    static final int TOOL_WIDTH = 44;
    static final int QUOTE_WIDTH = 60;
    /** Room for a rule, a quote of {@value #QUOTE_WIDTH} and a field; longer evidence is cut, so the flags line up. */
    static final int EVIDENCE_WIDTH = 72;
    /** Flags come last: a tool may carry several, and the last column can be as long as it needs. */
    private static final String ROW = "%-" + TOOL_WIDTH + "s %-11s %-8s %-" + EVIDENCE_WIDTH + "s %s%n";

    private final ProfileFormat format;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final JsonGenerator json;
    private int entries;

    ProfileWriter(ProfileFormat format) throws IOException {
        this.format = format;
        this.json = Json.FACTORY.createGenerator(bytes);
    }

    void profile(RiskProfile p) throws IOException {
        switch (format) {
            case JSONL, JSON -> {
                separate();
                ProfileJson.write(json, p);
                endJsonEntry();
            }
            case TABLE -> row(p.server().map(s -> s + "/").orElse("") + p.tool(), p.category().wireName(),
                    p.severity().wireName(), strongest(p), flags(p));
        }
        entries++;
    }

    void error(String message, long line) throws IOException {
        switch (format) {
            case JSONL, JSON -> {
                separate();
                ProfileJson.writeError(json, message, line);
                endJsonEntry();
            }
            case TABLE -> row("(line " + line + ")", "error", "-", message, "-");
        }
        entries++;
    }

    /** The bytes written so far. */
    byte[] toByteArray() throws IOException {
        json.flush();
        return bytes.toByteArray();
    }

    int entries() {
        return entries;
    }

    /** The table's header line. */
    static byte[] tableHeader() {
        return format("TOOL", "CATEGORY", "SEVERITY", "STRONGEST EVIDENCE", "FLAGS").getBytes(StandardCharsets.UTF_8);
    }

    private void separate() throws IOException {
        if (format == ProfileFormat.JSON && entries > 0) json.writeRaw(",\n");
    }

    private void endJsonEntry() throws IOException {
        if (format == ProfileFormat.JSONL) json.writeRaw('\n');
    }

    private void row(String tool, String category, String severity, String evidence, String flags) throws IOException {
        json.flush();
        bytes.write(format(tool, category, severity, evidence, flags).getBytes(StandardCharsets.UTF_8));
    }

    private static String format(String tool, String category, String severity, String evidence, String flags) {
        return ROW.formatted(cut(oneLine(tool), TOOL_WIDTH), category, severity, cut(oneLine(evidence), EVIDENCE_WIDTH), flags);
    }

    /** The kinds of flag a profile carries, e.g. {@code hidden-instructions,open-world}, or {@code -}. */
    static String flags(RiskProfile p) {
        String kinds = String.join(",", p.flags().stream().map(f -> f.flag().wireName()).distinct().toList());
        return kinds.isEmpty() ? "-" : kinds;
    }

    /** The first evidence, e.g. {@code delete-verb: 'delete' (name)}; the profile keeps it strongest first. */
    static String strongest(RiskProfile p) {
        if (p.evidence().isEmpty()) return "";
        Evidence e = p.evidence().getFirst();
        return "%s: '%s' (%s)".formatted(e.rule(), cut(e.quote(), QUOTE_WIDTH), e.field());
    }

    private static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        // Tool text is untrusted: control and format characters would move a terminal's cursor or hide text.
        // Whole code points, so that the tag characters U+E0000.. (format, but surrogate pairs) are blanked too.
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c));
        return sb.toString();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
