package io.toolrisk.classifier.flags;

import io.toolrisk.classifier.rules.Cue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the name of a tool written next to a place in a text: {@code `create_repository`}, {@code send_email},
 * {@code browserNavigate}, "the fetch tool". A word counts as a tool's name when it is written as an identifier
 * (an underscore, a lower-to-upper case change, quotes or backticks) or is followed by "tool"; a URL, a path, a
 * file name, an e-mail address, an environment variable or a {@code key=value} is not one.
 */
final class ToolMentions {
    /** One name and its span in the text. */
    record Mention(String name, int start, int end) {
    }

    private static final int MAX_NAME = 64;
    private static final Set<String> SKIPPED_BEFORE = Set.of("the", "a", "an", "to", "its", "their", "tool", "function",
            "mcp", "server's", "of", "this");
    private static final Set<String> SKIPPED_AFTER = Set.of("is", "are", "gets", "get", "was", "be", "been", "tool",
            "tool's", "function", "the", "has");
    private static final Set<String> NOT_NAMES = Set.of("this", "that", "it", "any", "other", "another", "all", "each",
            "every", "same", "a", "an", "the", "these", "those", "which", "your", "my", "our", "one", "e.g", "i.e");

    private ToolMentions() {
    }

    /** The tool name that starts within a few words after {@code offset}. */
    static Optional<Mention> after(String text, int offset) {
        int k = Math.min(offset, text.length()); // "check it anytime": a caller may ask from past the end
        for (int skipped = 0; skipped < 3; skipped++) {
            k = skipSpaces(text, k);
            int end = wordEnd(text, k);
            String word = text.substring(k, end).toLowerCase(Locale.ROOT);
            if (!SKIPPED_BEFORE.contains(word) || isToolish(text, k, end)) break;
            k = end;
        }
        return mentionAt(text, skipSpaces(text, k));
    }

    /** Every tool name written in {@code text[from, to)}, in order. */
    static List<Mention> in(String text, int from, int to) {
        var out = new ArrayList<Mention>(2);
        int k = from;
        while (k < to) {
            char c = text.charAt(k);
            // a segment or a placeholder of a path ("/profiles/{profileUuid}/segments") names no tool
            boolean startsToken = (isNameChar(c) || isQuote(c)) && (k == 0 || !isNameChar(text.charAt(k - 1))
                    && text.charAt(k - 1) != '/' && text.charAt(k - 1) != '{');
            if (startsToken && !isQuote(c)) {
                // Most words are plain words: only an identifier or a word before "tool" can be a name.
                int end = wordEnd(text, k);
                if (end > k && !isToolish(text, k, end) && !nextWordIs(text, end, "tool") && !nextWordIs(text, end, "function")) {
                    k = Math.max(k + 1, end);
                    continue;
                }
            }
            if (startsToken) {
                Optional<Mention> m = mentionAt(text, k);
                if (m.isPresent() && m.get().end() <= to) {
                    out.add(m.get());
                    k = m.get().end();
                    continue;
                }
            }
            k++;
        }
        return out;
    }

    private static boolean isQuote(char c) {
        return c == '`' || c == '\'' || c == '"';
    }

    /** The tool name that ends within a few words before {@code offset} ("the send_email tool is" used). */
    static Optional<Mention> before(String text, int offset) {
        int k = offset;
        for (int skipped = 0; skipped < 4; skipped++) {
            int end = skipSpacesBack(text, k);
            if (end > 0 && isQuote(text.charAt(end - 1))) {
                int open = end - 2;
                while (open >= 0 && end - open <= MAX_NAME + 2 && text.charAt(open) != text.charAt(end - 1)) open--;
                return open >= 0 && end - open <= MAX_NAME + 2 ? mentionAt(text, open) : Optional.empty();
            }
            int start = wordStart(text, end);
            if (start == end) return Optional.empty();
            String word = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (!SKIPPED_AFTER.contains(word) || isToolish(text, start, end)) return mentionAt(text, start);
            k = start;
        }
        return Optional.empty();
    }

    /**
     * The name written at {@code start}, when it is written as a tool's name: an identifier, quoted or not, or a
     * verb before "tool" ("the fetch tool"); not a parameter being given a value ({@code use_workspace=true}).
     */
    private static Optional<Mention> mentionAt(String text, int start) {
        if (start >= text.length()) return Optional.empty();
        char open = text.charAt(start);
        int nameStart = start;
        int nameEnd;
        int end;
        if (isQuote(open)) {
            int close = text.indexOf(open, start + 1, Math.min(text.length(), start + MAX_NAME + 2));
            if (close < 0 || close == start + 1) return Optional.empty();
            nameStart = start + 1;
            nameEnd = close;
            end = close + 1;
        } else {
            nameEnd = wordEnd(text, start);
            end = nameEnd;
            if (nameEnd == start || nameEnd - start > MAX_NAME) return Optional.empty();
        }
        String name = text.substring(nameStart, nameEnd);
        if (!isName(name) || name.contains(" ") || assigned(text, end)) return Optional.empty();
        boolean identifier = isToolish(text, nameStart, nameEnd);
        // "the fetch tool", "the `calculator` tool": a verb, or any name set in quotes, before "tool"
        boolean beforeTool = (nextWordIs(text, end, "tool") || nextWordIs(text, end, "function"))
                && (identifier || isQuote(open) || TOOL_VERBS.contains(name.toLowerCase(Locale.ROOT)));
        return identifier || beforeTool ? Optional.of(new Mention(name, start, end)) : Optional.empty();
    }

    /**
     * Where a text may name tools other than those a definition knows: {@code starts}, the offsets of the
     * candidate names in order; {@code named}, whether one of them is neither this tool, nor a parameter, nor a
     * sibling; {@code namedAsTool}, whether one of those also reads as a tool. The candidates may include names that
     * turn out to be none of these (they are checked only until both answers are known): a detector that reads
     * only near them misses nothing.
     */
    record Others(int[] starts, boolean named, boolean namedAsTool) {
    }

    /**
     * The names in {@code t} that may be of other tools ({@link Others}): a word with an underscore inside, a name in
     * backticks, or a name before "tool" or "function". Every mention the detectors of shadowing and fake deprecation
     * act on is one of these, except a bare camelCase name ({@code sendEmail} with no quotes and no "tool" after it),
     * which is let go. Underscores and backticks are found with {@code indexOf}, which is vectorised; a name that is
     * this tool's or a parameter's is passed over without a copy, and a name is checked once however often it
     * stands in the text.
     */
    static Others others(CueText t, Supplier<ToolNames> names) {
        return others(t, names, 0, t.text().length());
    }

    /** As {@link #others(CueText, Supplier)}, for the names that start within {@code text[from, to)} only. */
    static Others others(CueText t, Supplier<ToolNames> names, int from, int to) {
        String text = t.text();
        int n = text.length();
        from = Math.max(0, from);
        to = Math.min(n, to);
        var scan = new OthersScan(text, names);
        for (int k = text.indexOf('_', from); k >= 0 && k < to; k = text.indexOf('_', k + 1)) {
            if (k == 0 || k + 1 == n || !isNameChar(text.charAt(k - 1)) || !isNameChar(text.charAt(k + 1))) continue;
            int word = wordStart(text, k);
            int end = wordEnd(text, k);
            k = Math.max(k, end);
            if (names.get().isOwn(text, word, end) || assigned(text, end)) continue;
            if (!scan.namedAsTool) {
                Optional<Mention> m = mentionAt(text, word);
                if (m.isEmpty() && word > 0 && isQuote(text.charAt(word - 1))) m = mentionAt(text, word - 1);
                scan.check(m);
            }
            scan.add(word);
        }
        for (int k = text.indexOf('`', from); k >= 0 && k < to; k = text.indexOf('`', k + 1)) {
            int close = text.indexOf('`', k + 1);
            if (close < 0) break;
            if (close - k - 1 <= MAX_NAME && close > k + 1 && !names.get().isOwn(text, k + 1, close)) {
                if (!scan.namedAsTool) scan.check(mentionAt(text, k));
                scan.add(k);
            }
            k = close;
        }
        // "whenever you invoke sendMessage": a bare camelCase name right after a call word.
        for (int i : t.wordsWith(Cue.CALL.bit())) {
            if (t.start(i) < from || t.start(i) >= to) continue;
            int k = skipSpaces(text, t.end(i));
            int end = wordEnd(text, k);
            // read only a camelCase word with no underscore (the others are found above)
            if (end == k || !isToolish(text, k, end) || text.indexOf('_', k, end) >= 0) continue;
            Optional<Mention> m = mentionAt(text, k);
            if (m.isEmpty()) continue;
            scan.check(m);
            scan.add(m.get().start());
        }
        // "the fetch tool", "'fetch' tool": a tool verb or a quoted name right before the word.
        for (int i : t.wordsWith(Cue.TOOL.bit())) {
            if (t.start(i) < from || t.start(i) >= to) continue;
            int before = skipSpacesBack(text, t.start(i));
            if (before == 0 || !isQuote(text.charAt(before - 1)) && !TOOL_VERBS.contains(t.wordBefore(i))) continue;
            Optional<Mention> m = before(text, t.start(i));
            if (m.isEmpty()) continue;
            scan.check(m);
            scan.add(m.get().start());
        }
        return scan.result();
    }

    /** The state of {@link #others}: the candidates so far, the names checked, and what they showed. */
    private static final class OthersScan {
        private final String text;
        private final Supplier<ToolNames> names;
        private int[] starts = new int[8];
        private int count;
        private Set<String> checked;
        boolean named;
        boolean namedAsTool;

        OthersScan(String text, Supplier<ToolNames> names) {
            this.text = text;
            this.names = names;
        }

        void check(Optional<Mention> mention) {
            if (mention.isEmpty() || namedAsTool) return;
            Mention m = mention.get();
            if (checked == null) checked = new HashSet<>();
            if (!checked.add(m.name())) return;
            if (names.get().kindOf(m.name()) != ToolNames.Kind.OTHER) return;
            named = true;
            namedAsTool = looksLikeTool(text, m);
        }

        void add(int start) {
            if (count == starts.length) starts = Arrays.copyOf(starts, 2 * count);
            starts[count++] = start;
        }

        Others result() {
            if (!named) return NO_OTHERS;
            int[] sorted = Arrays.copyOf(starts, count);
            Arrays.sort(sorted);
            return new Others(sorted, true, namedAsTool);
        }
    }

    private static final Others NO_OTHERS = new Others(new int[0], false, false);

    /** True when one of {@code starts} (in order) lies within {@code reach} chars of {@code text[from, to)}. */
    static boolean near(int[] starts, int from, int to, int reach) {
        int at = Arrays.binarySearch(starts, from - reach);
        if (at < 0) at = -at - 1;
        return at < starts.length && starts[at] <= to + reach;
    }

    /** {@code name=value} or {@code name: value}: a parameter, not a tool. */
    private static boolean assigned(String text, int end) {
        return end < text.length() && (text.charAt(end) == '=' || text.charAt(end) == ':' && end + 1 < text.length()
                && text.charAt(end + 1) != ' ');
    }

    /**
     * Verbs that tool names are made of ({@code send_email}, {@code slack_post_message}, {@code browserNavigate}):
     * an identifier with none of them ({@code next_token}, {@code account_id}) is more likely a parameter.
     */
    static final Set<String> TOOL_VERBS = Set.of("get", "list", "create", "delete", "update", "send", "post", "read",
            "write", "fetch", "search", "run", "execute", "exec", "query", "add", "remove", "set", "put", "upload",
            "download", "find", "make", "generate", "open", "close", "start", "stop", "navigate", "call", "invoke",
            "check", "validate", "describe", "manage", "lookup", "insert", "transfer", "pay", "charge", "deploy", "merge",
            "push", "pull", "commit", "approve", "archive", "export", "import", "sync", "scan", "analyze", "convert",
            "translate", "summarize", "calculate", "book", "schedule", "cancel", "refund", "publish", "share", "reply",
            "forward", "move", "copy", "rename", "clone", "fork", "login", "logout", "authenticate", "audit", "edit",
            "modify", "submit", "click", "type", "fill", "browse", "scrape", "crawl", "render", "resolve", "inspect",
            "view", "show", "save", "load", "store", "retrieve", "email", "message", "notify", "tweet", "buy", "sell",
            "swap", "trade", "order", "withdraw", "deposit", "stake", "mint", "sign", "verify", "encrypt", "decrypt",
            "shell", "bash", "command", "terminal", "browser", "http", "request", "sql", "db", "file", "fs", "play", "pause",
            "resume", "print", "ping", "build", "compile", "install", "restart", "reboot", "kill", "enable", "disable",
            "assign", "invite", "join", "subscribe", "unsubscribe", "transcribe", "capture", "backup", "restore", "reset",
            "extract", "parse", "encode", "decode", "compress", "reserve", "ask", "chat", "speak", "apply", "patch", "grant",
            "revoke", "upsert", "draft", "compose", "attach", "rollback", "scale", "rotate", "purge", "truncate");

    /**
     * True when {@code m} reads as a tool rather than a parameter: written before or after "tool"/"function", or
     * made of a verb ({@code list_barcode_types}, {@code slack_post_message}, {@code browser_navigate}).
     */
    static boolean looksLikeTool(String text, Mention m) {
        if (namedAsTool(text, m)) return true;
        for (String token : Arrays.asList(tokens(text, m.start(), m.end()))) {
            if (TOOL_VERBS.contains(token)) return true;
        }
        return false;
    }

    /** True when {@code word} (lower case) is one of the tokens the name of {@code m} is made of ("create" of group_create). */
    static boolean madeOf(String text, Mention m, String word) {
        return Arrays.asList(tokens(text, m.start(), m.end())).contains(word);
    }

    /** The lower-cased tokens of {@code text[start, end)}: split at non-alphanumerics and lower-to-upper changes. */
    private static String[] tokens(String text, int start, int end) {
        var out = new ArrayList<String>(4);
        var token = new StringBuilder();
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            boolean boundary = !Character.isLetterOrDigit(c)
                    || Character.isUpperCase(c) && k > start && Character.isLowerCase(text.charAt(k - 1));
            if (boundary && !token.isEmpty()) {
                out.add(token.toString());
                token.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) token.append(Character.toLowerCase(c));
        }
        if (!token.isEmpty()) out.add(token.toString());
        return out.toArray(String[]::new);
    }

    private static boolean isName(String name) {
        // One pass over the characters: a path, a URL, an address or an assignment is no name; nor a number or a
        // version; nor AN_ENV_VAR.
        boolean onlyNumeric = true;
        boolean lowerCase = false;
        boolean underscore = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '@' || c == '=') return false;
            if (!(Character.isDigit(c) || c == '.' || c == '-')) onlyNumeric = false;
            if (Character.toUpperCase(c) != c) lowerCase = true;
            if (c == '_') underscore = true;
        }
        if (onlyNumeric || underscore && !lowerCase) return false;
        if (name.length() <= MAX_NOT_NAME && NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))) return false;
        int dot = name.lastIndexOf('.');
        return dot < 0 || !FILE_TYPES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The length of the longest of {@link #NOT_NAMES}: a longer word is none of them. */
    private static final int MAX_NOT_NAME = NOT_NAMES.stream().mapToInt(String::length).max().orElse(0);

    private static final Set<String> FILE_TYPES = Set.of("json", "md", "txt", "py", "js", "ts", "yaml", "yml", "sh",
            "env", "toml", "xml", "html", "csv", "pdf", "png", "jpg", "log", "pub", "cfg", "ini", "conf");

    /**
     * True for {@code snake_case} and {@code camelCase} (starting in lower case: "CircleCI", "GitHub" and
     * "PostgreSQL" are brands, not tools).
     */
    private static boolean isToolish(String text, int start, int end) {
        boolean lower = false;
        boolean camel = Character.isLowerCase(text.charAt(start));
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c == '_' && k > start && k + 1 < end) return true;
            if (camel && Character.isUpperCase(c) && lower) return true;
            lower = Character.isLowerCase(c);
        }
        return false;
    }

    /** True when the mention is written as a tool's name: followed or preceded by "tool" or "function". */
    static boolean namedAsTool(String text, Mention m) {
        if (nextWordIs(text, m.end(), "tool") || nextWordIs(text, m.end(), "function")) return true;
        int end = skipSpacesBack(text, m.start());
        return text.regionMatches(true, Math.max(0, end - 4), "tool", 0, 4) && end >= 4;
    }

    private static boolean nextWordIs(String text, int offset, String word) {
        int k = skipSpaces(text, offset);
        return text.regionMatches(true, k, word, 0, word.length())
                && (k + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(k + word.length())));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static int wordEnd(String text, int start) {
        int k = start;
        while (k < text.length() && isNameChar(text.charAt(k))) k++;
        while (k > start && (text.charAt(k - 1) == '.' || text.charAt(k - 1) == ':' || text.charAt(k - 1) == '-')) k--;
        return k;
    }

    private static int wordStart(String text, int end) {
        int k = end;
        while (k > 0 && isNameChar(text.charAt(k - 1))) k--;
        while (k < end && (text.charAt(k) == '.' || text.charAt(k) == '-' || text.charAt(k) == ':')) k++;
        return k;
    }

    private static int skipSpaces(String text, int k) {
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '*')) k++;
        return k;
    }

    private static int skipSpacesBack(String text, int k) {
        while (k > 0 && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '*')) k--;
        return k;
    }
}
