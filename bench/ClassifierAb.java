import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An interleaved A/B of two builds of the classifier in one JVM (bench/classifier-ab.sh): each build in its own
 * class loader, passes over the corpus alternating between them, each timed by the thread's CPU time, so that
 * load on a shared machine touches both alike. Prints tools per second per core, median and best, for each.
 * Usage: java -cp DEPS bench/ClassifierAb.java CLASSES_A CLASSES_B CORPUS_JSONL [PASSES]
 * where CLASSES_x is a path list of the catalogue and classifier classes and the classifier's test classes.
 */
public class ClassifierAb {
    record Build(String name, Object classifier, Method classify, List<Object> tools) {
        long pass() throws Exception {
            long sink = 0;
            for (Object t : tools) sink += classify.invoke(classifier, t).hashCode() & 1;
            return sink;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Build a = load("A", args[0], lines);
        Build b = load("B", args[1], lines);
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) { a.pass(); b.pass(); }
        double[][] perSecond = new double[2][passes];
        long sink = 0;
        for (int i = 0; i < passes; i++) {
            for (int k = 0; k < 2; k++) {
                Build build = (i + k) % 2 == 0 ? a : b;
                long start = threads.getCurrentThreadCpuTime();
                sink += build.pass();
                perSecond[build == a ? 0 : 1][i] = build.tools.size() / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] s = perSecond[k].clone();
            Arrays.sort(s);
            System.out.printf("%s: median %,.0f tools/s, best %,.0f tools/s per core (%d passes of %d tools)%n",
                    k == 0 ? "A" : "B", s[passes / 2], s[passes - 1], passes, lines.size());
        }
        System.out.println("sink " + sink);
    }

    private static Build load(String name, String classes, List<String> lines) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classes.split(File.pathSeparator)) urls.add(Path.of(p).toUri().toURL());
        var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassifierAb.class.getClassLoader());
        Class<?> classifierClass = loader.loadClass("io.toolrisk.classifier.Classifier");
        Class<?> toolClass = loader.loadClass("io.toolrisk.catalogue.Tool");
        Class<?> measurement = loader.loadClass("io.toolrisk.classifier.CorpusMeasurement");
        Class<?> json = loader.loadClass("io.toolrisk.catalogue.json.Json");
        Object mapper = json.getField("MAPPER").get(null);
        Method readTree = mapper.getClass().getMethod("readTree", String.class);
        Method toolOf = measurement.getDeclaredMethod("toolOf", loader.loadClass("com.fasterxml.jackson.databind.JsonNode"));
        toolOf.setAccessible(true);
        List<Object> tools = new ArrayList<>();
        for (String line : lines) tools.add(toolOf.invoke(null, readTree.invoke(mapper, line)));
        Object classifier = classifierClass.getMethod("bundled").invoke(null);
        return new Build(name, classifier, classifierClass.getMethod("classify", toolClass), tools);
    }
}
