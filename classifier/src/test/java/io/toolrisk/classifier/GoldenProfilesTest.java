package io.toolrisk.classifier;

import com.fasterxml.jackson.core.JsonGenerator;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.catalogue.json.ProfileJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The profiles of the fixture tools, byte for byte, against a checked-in golden file. A change to the rules
 * that changes any profile shows here as a diff to review; regenerate with
 * {@code mvn -pl classifier test -Dtest=GoldenProfilesTest -Dtoolrisk.golden.update=true}.
 */
class GoldenProfilesTest {
    static final String GOLDEN = "/io/toolrisk/classifier/golden/profiles.jsonl";

    @Test
    void fixtureProfilesMatchTheGoldenFileByteForByte() throws IOException {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            for (Fixtures.Fixture f : Fixtures.all()) {
                ProfileJson.write(g, Classifier.bundled().classify(f.tool()));
                g.writeRaw('\n');
            }
        }
        String actual = out.toString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("toolrisk.golden.update")) {
            Path file = Path.of("src/test/resources").resolve(GOLDEN.substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        String golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            golden = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(golden, actual);
    }
}
