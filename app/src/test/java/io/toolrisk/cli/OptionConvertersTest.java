package io.toolrisk.cli;

import io.toolrisk.crawler.mcp.Durations;
import io.toolrisk.policy.PolicyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionConvertersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"6h", "90m", "30s", "1500ms"})
    void whatIsWrittenParsesBackToTheSameDuration(String written) {
        assertEquals(written, Durations.format(OptionConverters.duration(written)));
    }

    @Test
    void aPlainNumberIsSecondsAndAnythingElseIsRefusedWithTheFormsAccepted() {
        assertEquals(Duration.ofSeconds(45), OptionConverters.duration("45"));
        var e = assertThrows(TypeConversionException.class, () -> OptionConverters.duration("5x"));
        assertEquals("invalid duration '5x': expected a number with ms, s, m or h, like 30s", e.getMessage());
    }

    @Test
    void enumsAreReadByTheirWireNameInAnyCaseAndAnUnknownOneNamesTheAcceptedOnes() throws Exception {
        var formats = OptionConverters.enumValue(PolicyFormat.class, "policy format");
        assertEquals(PolicyFormat.CLAUDE_CODE, formats.convert("Claude-Code"));
        var e = assertThrows(TypeConversionException.class, () -> formats.convert("yaml"));
        assertEquals("unknown policy format 'yaml' (expected policylayer, intercept, claude-code, docker-gateway, cedar or agentgateway)",
                e.getMessage());
    }
}
