package io.toolrisk.classifier.text;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** The words as chars, by id. */
    private char[][] keys = new char[32][];
    // Open addressing with linear probing, kept at most half full: one long per slot holds the mixed hash (high
    // half) and id + 1 (low half, 0 for an empty slot), so a probe is one load, and the key is compared only
    // when the full hash matches. Most words of a description are unknown: a blocked Bloom filter small
    // enough to stay in the L1 cache (two bits of one long per word) turns nearly all of them away before the
    // table is touched.
    private long[] slots = new long[64];
    private final long[] filter = new long[FILTER_LONGS];
    private static final int FILTER_LONGS = 512;
    // Words of up to nine ASCII chars, most words of prose, are also keyed by their chars packed into a long
    // (see pack): a probe compares one long, with no pass over the chars to hash or compare them. The
    // same layout: open addressing, at most half full, behind a filter of their own; a slot is two longs side by
    // side, the key and the id, so that a probe touches one cache line, not two.
    private long[] packed = new long[2 * 64];
    private int packedCount;
    private final long[] packedFilter = new long[FILTER_LONGS];
    /** The most chars {@link #pack} packs into a long. */
    static final int MAX_PACKED = 9;
    private boolean frozen;
    private long[] tags;
    private int longest;

    /** Adds a lower-case word (if new) and returns its id. */
    public int add(String word) {
        if (frozen) throw new IllegalStateException("the vocabulary is frozen");
        if (word.isEmpty()) throw new IllegalArgumentException("a word must not be empty");
        int existing = longest == 0 ? UNKNOWN : id(word, 0, word.length());
        if (existing != UNKNOWN) return existing;
        if (2 * (words.size() + 1) > slots.length) grow();
        int id = words.size();
        words.add(word);
        if (id == keys.length) keys = Arrays.copyOf(keys, 2 * id);
        keys[id] = word.toCharArray();
        longest = Math.max(longest, word.length());
        insert(id);
        long packed = pack(word, 0, word.length());
        if (packed != 0) {
            if (4 * (packedCount + 1) > this.packed.length) growPacked();
            insertPacked(packed, id);
            packedCount++;
        }
        return id;
    }

    /**
     * The lower-cased {@code text[start, end)} packed into a long, seven bits per char, the first char highest; 0
     * when it is longer than {@link #MAX_PACKED} or has a char outside ASCII. Callers that scan a word anyway
     * shift each lower-cased char in themselves and pass the result to {@link #idOfPacked}.
     */
    static long pack(String text, int start, int end) {
        if (end - start > MAX_PACKED) return 0;
        long packed = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 128) return 0;
            packed = packed << 7 | fold(c);
        }
        return packed;
    }

    /** The id of the word that {@link #pack} packed into {@code packed} (not 0), or {@link #UNKNOWN}. */
    int idOfPacked(long packed) {
        int hash = mixPacked(packed);
        if (!mayHold(packedFilter, hash)) return UNKNOWN;
        long[] table = this.packed;
        int mask = table.length - 2;
        for (int slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
            long key = table[slot];
            if (key == packed) return (int) table[slot + 1];
            if (key == 0) return UNKNOWN;
        }
    }

    private static int mixPacked(long packed) {
        return (int) ((packed * 0x9E3779B97F4A7C15L) >>> 32);
    }

    private void insertPacked(long key, int id) {
        int hash = mixPacked(key);
        packedFilter[(hash >>> 12) & (FILTER_LONGS - 1)] |= filterBits(hash);
        int mask = packed.length - 2;
        int slot = (hash << 1) & mask;
        while (packed[slot] != 0) slot = (slot + 2) & mask;
        packed[slot] = key;
        packed[slot + 1] = id;
    }

    private void growPacked() {
        long[] old = packed;
        packed = new long[old.length * 2];
        for (int slot = 0; slot < old.length; slot += 2) {
            if (old[slot] != 0) insertPacked(old[slot], (int) old[slot + 1]);
        }
    }

    /** Stops additions; look-ups from many threads are safe from then on. */
    public Vocabulary freeze() {
        frozen = true;
        return this;
    }

    /**
     * Stops additions and gives each word a set of tags (bits; {@code tags[id]}, 0 for none), which {@link Words}
     * ORs together for each field as it cuts it: what a field may hold is then known without reading its words again.
     */
    public Vocabulary freeze(long[] tags) {
        if (tags.length != words.size())
            throw new IllegalArgumentException("one tag set per word: %d words, %d tag sets".formatted(words.size(), tags.length));
        this.tags = tags.clone();
        return freeze();
    }

    /** The tags of the word {@code id}; 0 when the vocabulary has none. */
    public long tags(int id) {
        return tags == null ? 0 : tags[id];
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

    private static int hashStep(int hash, char c) {
        return 31 * hash + fold(c);
    }

    private int id(String chars, int start, int end, int wordHash) {
        int length = end - start;
        if (length > longest) return UNKNOWN;
        int hash = mix(wordHash);
        if (!mayHold(filter, hash)) return UNKNOWN;
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) return UNKNOWN;
            if ((int) (entry >>> 32) == hash) {
                int id = (int) entry - 1;
                char[] key = keys[id];
                if (key.length == length && equalsFolded(key, chars, start)) return id;
            }
        }
    }

    /** False when the Bloom filter {@code filter} certainly holds no word of {@code hash}. */
    private static boolean mayHold(long[] filter, int hash) {
        long bits = filterBits(hash);
        return (filter[(hash >>> 12) & (FILTER_LONGS - 1)] & bits) == bits;
    }

    /** The two bits a word sets in its filter long: chosen by hash bits other than those that pick the long. */
    private static long filterBits(int hash) {
        return (1L << (hash >>> 21)) | (1L << (hash >>> 26));
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

    private void insert(int id) {
        int hash = 0;
        for (char c : keys[id]) hash = 31 * hash + c;
        hash = mix(hash);
        filter[(hash >>> 12) & (FILTER_LONGS - 1)] |= filterBits(hash);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = ((long) hash << 32) | (id + 1L);
    }

    private void grow() {
        slots = new long[slots.length * 2];
        for (int id = 0; id < words.size(); id++) insert(id);
    }
}
