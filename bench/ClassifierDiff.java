import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Classifies the same made-up tools with two builds of the classifier, each in its own class loader, and counts the
 * profiles that differ and the classifications that throw (bench/classifier-diff.sh). A tool is made of sentences of
 * the given JSONL files (every "description" in them), shuffled, some joined by line breaks, with cue-laden fillers
 * ("instead of", "`send_email`", "~/.ssh", a URL) between them, and up to three parameters described likewise: texts that
 * no corpus holds, so that a change of speed can be checked to change nothing beyond the corpora.
 * Usage: java -cp DEPS bench/ClassifierDiff.java CLASSES_A CLASSES_B SEED JSONL... (-Dn=COUNT, default 20000)
 */
public class ClassifierDiff {
    record Build(Object classifier, Method classify, Method readTool, Object mapper, Method readTree) {
        String run(String json) throws Exception {
            Object node = readTree.invoke(mapper, json);
            Object tool = readTool.invoke(null, node);
            return String.valueOf(classify.invoke(classifier, tool));
        }
    }

    static Build load(String classes) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classes.split(File.pathSeparator)) urls.add(Path.of(p).toUri().toURL());
        var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassifierDiff.class.getClassLoader());
        Class<?> c = loader.loadClass("io.toolrisk.classifier.Classifier");
        Class<?> toolClass = loader.loadClass("io.toolrisk.catalogue.Tool");
        Class<?> json = loader.loadClass("io.toolrisk.catalogue.json.Json");
        Object mapper = json.getField("MAPPER").get(null);
        Class<?> toolJson = loader.loadClass("io.toolrisk.catalogue.json.ToolJson");
        Method read = null;
        for (Method m : toolJson.getMethods()) if (m.getName().equals("read") && m.getParameterCount() == 1) read = m;
        return new Build(c.getMethod("bundled").invoke(null), c.getMethod("classify", toolClass), read, mapper,
                mapper.getClass().getMethod("readTree", String.class));
    }

    public static void main(String[] a) throws Exception {
        Build x = load(a[0]), y = load(a[1]);
        List<String> sentences = new ArrayList<>();
        List<String> names = new ArrayList<>();
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int f = 3; f < a.length; f++) {
            for (String line : Files.readAllLines(Path.of(a[f]))) {
                if (line.isBlank()) continue;
                var n = om.readTree(line);
                List<String> texts = new ArrayList<>();
                n.findValues("description").forEach(v -> { if (v.isTextual()) texts.add(v.asText()); });
                if (n.has("tool") && !n.get("tool").asText().isBlank()) names.add(n.get("tool").asText());
                if (n.has("name") && n.get("name").isTextual() && !n.get("name").asText().isBlank()) names.add(n.get("name").asText());
                for (String t : texts) for (String s : t.split("(?<=[.!?\\n])\\s*")) if (s.length() > 3 && s.length() < 600) sentences.add(s);
            }
        }
        System.err.println(sentences.size() + " sentences, " + names.size() + " names");
        var r = new Random(Long.parseLong(a[2]));
        String[] fillers = {"user", "the", "tool", "must", "always", "instead of", "`send_email`", "the fetch tool", "deprecated", "@", "https://x.example/a", "~/.ssh", "\n", ". ", ", "};
        int throwsCount = 0; int diffs = 0, n = Integer.parseInt(System.getProperty("n", "20000"));
        for (int i = 0; i < n; i++) {
            var desc = new StringBuilder();
            int k = 1 + r.nextInt(r.nextInt(10) == 0 ? 60 : 8);
            for (int j = 0; j < k; j++) {
                desc.append(sentences.get(r.nextInt(sentences.size()))).append(r.nextInt(3) == 0 ? "\n" : " ");
                if (r.nextInt(4) == 0) desc.append(fillers[r.nextInt(fillers.length)]).append(' ');
            }
            var tool = om.createObjectNode();
            tool.put("name", names.get(r.nextInt(names.size())));
            tool.put("description", desc.toString());
            var props = tool.putObject("inputSchema").put("type", "object").putObject("properties");
            int np = r.nextInt(4);
            for (int p = 0; p < np; p++) {
                var prop = props.putObject(names.get(r.nextInt(names.size())) + p);
                prop.put("type", "string");
                prop.put("description", sentences.get(r.nextInt(sentences.size())));
            }
            String json = om.writeValueAsString(tool);
            String px, py;
            try { px = x.run(json); } catch (Exception e) { px = "THROWS " + e.getCause(); }
            try { py = y.run(json); } catch (Exception e) { py = "THROWS " + e.getCause(); }
            if (px.startsWith("THROWS") || py.startsWith("THROWS")) { throwsCount++; if (throwsCount <= 2) System.out.println("THROW\n" + json + "\nA: " + px + "\nB: " + py); }
            if (!px.equals(py)) {
                diffs++;
                if (diffs <= 5) System.out.println("DIFF\n" + json + "\nA: " + px + "\nB: " + py);
            }
        }
        System.out.println(n + " tools, " + diffs + " differ, " + throwsCount + " throw");
    }
}
