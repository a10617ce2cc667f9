package io.toolrisk.classifier.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The words the rules know, each with a small id. Looks a word up straight from a span of a field, lower-casing
 * as it hashes, so that cutting a description into words allocates nothing for the words no rule knows (most
 * of them). Frozen after building; thread-safe then.
 */
public final class Vocabulary {
    /** The id of a word the vocabulary does not know. */
    public static final int UNKNOWN = -1;

    private final List<String> words = new ArrayList<>();
    // Open addressing with linear probing, kept at most a quarter full; the full hash is compared before the
    // key is touched, so a look-up of an unknown word (most words) rarely leaves these two int arrays.
    private char[][] keys = new char[64][];
    private int[] hashes = new int[64];
    private int[] ids = new int[64];
    private boolean frozen;

    {
        java.util.Arrays.fill(ids, UNKNOWN);
    }
    private int longest;

    /** Adds a lower-case word (if new) and returns its id. */
    public int add(String word) {
        if (frozen) throw new IllegalStateException("the vocabulary is frozen");
        if (word.isEmpty()) throw new IllegalArgumentException("a word must not be empty");
        int existing = longest == 0 ? UNKNOWN : id(word, 0, word.length());
        if (existing != UNKNOWN) return existing;
        if (4 * (words.size() + 1) > keys.length) grow();
        int id = words.size();
        words.add(word);
        longest = Math.max(longest, word.length());
        insert(word.toCharArray(), id);
        return id;
    }

    /** Stops additions; look-ups from many threads are safe from then on. */
    public Vocabulary freeze() {
        frozen = true;
        return this;
    }

    public int size() {
        return words.size();
    }

    /** The word with {@code id}. */
    public String word(int id) {
        return words.get(id);
    }

    /** The id of the lower-cased {@code text[start, end)}, or {@link #UNKNOWN}. */
    public int id(String text, int start, int end) {
        if (end - start > longest) return UNKNOWN;
        int hash = 0;
        for (int i = start; i < end; i++) hash = hashStep(hash, text.charAt(i));
        return id(text, start, end, hash);
    }

    /** One step of the word hash: callers that scan a word anyway pass the result to {@link #id(char[], int, int, int)}. */
    static int hashStep(int hash, char c) {
        return 31 * hash + fold(c);
    }

    /** The id of {@code text[start, end)} whose {@link #hashStep} hash the caller computed while scanning it. */
    int id(String chars, int start, int end, int wordHash) {
        int length = end - start;
        if (length > longest) return UNKNOWN;
        int hash = mix(wordHash);
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int id = ids[slot];
            if (id == UNKNOWN) return UNKNOWN;
            if (hashes[slot] == hash && keys[slot].length == length && equalsFolded(keys[slot], chars, start)) return id;
        }
    }

    private static boolean equalsFolded(char[] key, String chars, int start) {
        for (int i = 0; i < key.length; i++) {
            char c = chars.charAt(start + i);
            // Most text is lower-case already: fold only what differs.
            if (key[i] != c && key[i] != fold(c)) return false;
        }
        return true;
    }

    /** Lower case, one char for one char (so offsets stay exact); the typographic apostrophe becomes '. */
    static char fold(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return c == '\u2019' ? '\'' : Character.toLowerCase(c);
    }

    private static int mix(int hash) {
        hash *= 0x9E3779B9;
        return hash ^ (hash >>> 16);
    }

    private void insert(char[] key, int id) {
        int hash = 0;
        for (char c : key) hash = 31 * hash + c;
        hash = mix(hash);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (ids[slot] != UNKNOWN) slot = (slot + 1) & mask;
        keys[slot] = key;
        hashes[slot] = hash;
        ids[slot] = id;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldIds = ids;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        java.util.Arrays.fill(ids, UNKNOWN);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] != UNKNOWN) insert(oldKeys[i], oldIds[i]);
        }
    }
}
