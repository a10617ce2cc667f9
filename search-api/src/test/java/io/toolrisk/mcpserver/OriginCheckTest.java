package io.toolrisk.mcpserver;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DNS rebinding check, case by case: where a request arrived, its Host, its Origin. */
class OriginCheckTest {
    @ParameterizedTest(name = "{0} Host={1} Origin={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "127.0.0.1, 127.0.0.1:7070, -, allowed",
            "127.0.0.1, localhost:7070, http://localhost:5173, allowed",
            "127.0.0.1, [::1]:7070, http://[::1]:7070, allowed",
            "0:0:0:0:0:0:0:1, localhost, -, allowed",
            "127.0.0.1, 127.1.2.3:7070, http://127.0.0.1, allowed",
            "127.0.0.1, attacker.example:7070, -, refused",
            "127.0.0.1, 127.0.0.1.attacker.example, -, refused",
            "127.0.0.1, 999.0.0.1:7070, -, refused",
            "127.0.0.1, -, -, refused",
            "127.0.0.1, localhost:7070, https://attacker.example, refused",
            "127.0.0.1, localhost:7070, null, refused",
            "10.0.0.5, toolrisk.example.org, -, allowed",
            "10.0.0.5, toolrisk.example.org, https://toolrisk.example.org, allowed",
            "10.0.0.5, toolrisk.example.org:8443, https://toolrisk.example.org:8443, allowed",
            "10.0.0.5, toolrisk.example.org, https://attacker.example, refused",
            "10.0.0.5, toolrisk.example.org, https://toolrisk.example.org:444, refused"})
    void loopbackNeedsLoopbackNamesAndElsewhereAnOriginMustBeTheServersOwn(String local, String host, String origin, String verdict) {
        Optional<String> refusal = OriginCheck.refusal(local, host, origin);
        assertEquals(verdict, refusal.isEmpty() ? "allowed" : "refused", refusal.orElse(""));
    }
}
