package io.toolrisk.policy;

import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An agentgateway policy's rules, read back by a YAML 1.1 loader (SnakeYAML), compiled and evaluated by CEL's Java
 * implementation ({@code dev.cel:cel}) against {@code mcp.tool} as the gateway makes it: a call passes when a rule
 * holds.
 */
record CelRules(List<String> sources, List<CelRuntime.Program> programs) {
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("mcp", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    /** Compiles every rule of the rendered policy {@code yaml}; throws on one that does not compile. */
    static CelRules of(String yaml) throws CelValidationException, CelEvaluationException {
        Map<String, Object> document = new Yaml().load(yaml);
        assertEquals(List.of("mcpAuthorization"), List.copyOf(document.keySet()), yaml);
        @SuppressWarnings("unchecked")
        var sources = (List<String>) ((Map<?, ?>) document.get("mcpAuthorization")).get("rules");
        List<CelRuntime.Program> programs = new ArrayList<>();
        for (String source : sources) programs.add(RUNTIME.createProgram(COMPILER.compile(source).getAst()));
        return new CelRules(sources, programs);
    }

    /** True when a rule holds for the call of {@code tool}; {@code arguments} null for a listing, which has none. */
    boolean allow(String tool, Map<String, String> arguments) throws CelEvaluationException {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("name", tool);
        if (arguments != null) call.put("arguments", arguments);
        for (CelRuntime.Program program : programs) {
            if ((Boolean) program.eval(Map.of("mcp", Map.of("tool", call)))) return true;
        }
        return false;
    }
}
