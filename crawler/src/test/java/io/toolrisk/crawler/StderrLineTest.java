package io.toolrisk.crawler;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StderrLineTest {
    @Test
    void nodesMissingModuleIsTheErrorLineNotItsVersion() {
        String node = """
                node:internal/modules/cjs/loader:1210
                  throw err;
                  ^

                Error: Cannot find module '/nope/index.js'
                    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)
                    at node:internal/main/run_main_module:28:49 {
                  code: 'MODULE_NOT_FOUND',
                  requireStack: []
                }

                Node.js v20.20.2
                """;
        assertEquals(Optional.of("Error: Cannot find module '/nope/index.js'"), StderrLine.of(node));
    }

    @Test
    void pythonsExceptionAfterItsTraceback() {
        String python = """
                Traceback (most recent call last):
                  File "/srv/server.py", line 1, in <module>
                    import nosuchmod
                ModuleNotFoundError: No module named 'nosuchmod'
                """;
        assertEquals(Optional.of("ModuleNotFoundError: No module named 'nosuchmod'"), StderrLine.of(python));
    }

    @Test
    void aLineThatSaysSomethingFailedBeatsTheLastLine() {
        assertEquals(Optional.of("could not connect to the database at localhost:5432"),
                StderrLine.of("starting...\ncould not connect to the database at localhost:5432\nshutting down\n"));
    }

    @Test
    void otherwiseTheLastLineThatIsNotNoiseAndNothingForNoise() {
        assertEquals(Optional.of("bye"), StderrLine.of("hello\nbye\n\n"));
        assertEquals(Optional.empty(), StderrLine.of("\n  \nNode.js v20.20.2\n"));
        assertEquals(Optional.of("x".repeat(StderrLine.MAX_LENGTH) + "…"), StderrLine.of("x".repeat(500)));
    }
}
