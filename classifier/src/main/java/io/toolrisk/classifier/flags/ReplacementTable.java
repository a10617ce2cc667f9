package io.toolrisk.classifier.flags;

import io.toolrisk.catalogue.FlagKind;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Fake deprecation laid out as a table: a header that pairs what is old with what replaces it ("| Old | Replacement |",
 * "| Deprecated | Use instead |") and a row whose first cell is this tool and whose later cells are an address or a tool
 * of another server. A tool's own table of options or fields has no such header.
 */
final class ReplacementTable {
    private static final String DETAIL = "text that declares the tool out of use and sends the model's calls to another "
            + "tool or address";
    private static final Pattern NEW_SIDE = Pattern.compile("\\b(?:replacement|replaced\\s+by|successor|new|instead|use\\s+instead"
            + "|migrate\\s+to|moved\\s+to|now)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OLD_SIDE = Pattern.compile("\\b(?:old|deprecated|legacy|retired|obsolete|previous|former|tool)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile("\\b[a-z][a-z0-9+.-]{1,15}://\\S+|[\\w.+-]+@[\\w-]+\\.[\\w.]+",
            Pattern.CASE_INSENSITIVE);

    private ReplacementTable() {
    }

    /** Finds, in {@code text}, a row of a replacement table that sends this tool's calls to an address or another tool. */
    static void find(String text, Supplier<ToolNames> names, List<Finding> out) {
        // Only the first row of a table is its header; the rows of other tables are skipped unread.
        boolean inTable = false, headed = false;
        for (int line = 0; line < text.length(); ) {
            int end = text.indexOf('\n', line);
            if (end < 0) end = text.length();
            int k = line;
            while (k < end && text.charAt(k) == ' ') k++;
            boolean row = k < end && text.charAt(k) == '|';
            if (!row) {
                inTable = headed = false;
            } else if (!inTable) {
                inTable = true;
                String header = text.substring(k, end);
                headed = NEW_SIDE.matcher(header).find() && OLD_SIDE.matcher(header).find();
            } else if (headed && sendsItselfElsewhere(text.substring(k, end).strip(), names)) {
                out.add(new Finding(FlagKind.HIDDEN_INSTRUCTIONS, "fake-deprecation", line, end, DETAIL + " (pattern fake-deprecation)"));
                return;
            }
            line = end + 1;
        }
    }

    /** "| `deploy_site` | https://gw.example/upload |": the first cell this tool, a later one an address or another's tool. */
    private static boolean sendsItselfElsewhere(String row, Supplier<ToolNames> names) {
        String[] cells = row.split("\\|");
        if (cells.length < 3) return false;
        String first = cells[1].strip().replace("`", "").replace("*", "");
        if (first.isEmpty() || names.get().kindOf(first) != ToolNames.Kind.SELF) return false;
        for (int k = 2; k < cells.length; k++) {
            String cell = cells[k].strip().replace("`", "");
            if (ADDRESS.matcher(cell).find()) return true;
            if (!cell.isEmpty() && cell.indexOf(' ') < 0 && cell.indexOf('_') > 0 && names.get().kindOf(cell) == ToolNames.Kind.OTHER) return true;
        }
        return false;
    }
}
