package io.toolrisk.catalogue.json;

import io.toolrisk.catalogue.ActionProfile;
import io.toolrisk.catalogue.Category;
import io.toolrisk.catalogue.Evidence;
import io.toolrisk.catalogue.Flag;
import io.toolrisk.catalogue.FlagKind;
import io.toolrisk.catalogue.RiskProfile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileJsonTest {
    static final RiskProfile PROFILE = new RiskProfile(Optional.of("acme"), "manage_issue", Category.DESTRUCTIVE,
            0.9666666,
            List.of(new Evidence("inputSchema/properties/action/enum/1", "delete", 0, 6, "delete-verb")),
            List.of(new Flag(FlagKind.OPEN_WORLD, "description", "posts", "reaches outside")),
            List.of(new ActionProfile("action", "get", Category.READ), new ActionProfile("action", "delete", Category.DESTRUCTIVE)),
            "2026.11.1");

    private static String write(RiskProfile profile) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = Json.FACTORY.createGenerator(bytes)) {
            ProfileJson.write(out, profile);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDesignShapeInFieldOrderWithSeverityDerived() throws Exception {
        assertEquals("{\"server\":\"acme\",\"tool\":\"manage_issue\",\"category\":\"destructive\",\"severity\":\"critical\","
                + "\"confidence\":0.97,\"evidence\":[{\"field\":\"inputSchema/properties/action/enum/1\",\"quote\":\"delete\","
                + "\"start\":0,\"end\":6,\"rule\":\"delete-verb\"}],\"flags\":[{\"flag\":\"open-world\",\"field\":\"description\","
                + "\"quote\":\"posts\",\"detail\":\"reaches outside\"}],\"actions\":[{\"param\":\"action\",\"value\":\"get\","
                + "\"category\":\"read\",\"severity\":\"low\"},{\"param\":\"action\",\"value\":\"delete\",\"category\":\"destructive\","
                + "\"severity\":\"critical\"}],\"ruleset\":\"2026.11.1\"}", write(PROFILE));
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        RiskProfile back = ProfileJson.read(Json.MAPPER.readTree(write(PROFILE)));
        assertEquals(write(PROFILE), write(back));
        assertEquals(Category.DESTRUCTIVE, back.category());
    }

    @Test
    void omitsServerAndActionsWhenAbsent() throws Exception {
        var profile = new RiskProfile(Optional.empty(), "t", Category.READ, 1, List.of(), List.of(), List.of(), "r");
        assertEquals("{\"tool\":\"t\",\"category\":\"read\",\"severity\":\"low\",\"confidence\":1.0,\"evidence\":[],"
                + "\"flags\":[],\"ruleset\":\"r\"}", write(profile));
    }

    @Test
    void confidenceOutsideUnitIntervalIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () ->
                new RiskProfile(Optional.empty(), "t", Category.READ, 1.5, List.of(), List.of(), List.of(), "r"));
        assertEquals("confidence 1.5 is outside [0,1] (tool 't')", e.getMessage());
    }
}
