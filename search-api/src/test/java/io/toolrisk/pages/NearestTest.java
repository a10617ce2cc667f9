package io.toolrisk.pages;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NearestTest {
    private static final List<String> SERVERS = List.of("github", "github-archived", "gitlab", "filesystem", "memory", "stripe");

    @Test
    void typosFindTheNamesWithinAFewEdits() {
        assertEquals(List.of("github", "gitlab"), Nearest.names("githib", SERVERS, 5), "one edit, then two");
        assertEquals(List.of("memory"), Nearest.names("memroy", SERVERS, 5));
        assertEquals(List.of("filesystem"), Nearest.names("FileSystem", SERVERS, 5), "case does not count");
        assertEquals(List.of("delete_repo", "delete_repos"), Nearest.names("delet_repo", List.of("delete_repos", "delete_repo", "list_repos"), 5));
    }

    @Test
    void namesHoldingWhatWasTypedComeAfterTheNearOnes() {
        assertEquals(List.of("github", "github-archived"), Nearest.names("githu", SERVERS, 5));
        assertEquals(List.of("stripe"), Nearest.names("stripe-payments", SERVERS, 5));
    }

    @Test
    void farNamesAreNotSuggestedNorIsTheNameItself() {
        assertEquals(List.of(), Nearest.names("zzzzzz", SERVERS, 5));
        assertEquals(List.of("gitlab", "github-archived"), Nearest.names("github", SERVERS, 5));
    }

    @Test
    void hostileLengthsStayCheap() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) many.add("server-" + i + "x".repeat(i % 300));
        assertEquals(List.of(), Nearest.names("q".repeat(8_000), many, 5));
        assertEquals(5, Nearest.distance("kitten", "sitting", 10) + 2);
    }
}
