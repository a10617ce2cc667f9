package io.toolrisk.classifier.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CueTest {
    /** Masks of cues are one long: a 65th cue would wrap onto the first one's bit and every gate would read it wrong. */
    @Test
    void everyCueHasABitOfItsOwnInOneLong() {
        assertTrue(Cue.values().length <= Long.SIZE, Cue.values().length + " cues do not fit the bits of one long; "
                + "give masks of cues a second long before adding one");
        long all = 0;
        for (Cue c : Cue.values()) {
            assertEquals(0, all & c.bit(), c + " shares a bit with an earlier cue");
            all |= c.bit();
        }
    }
}
