import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of bench/attack.sh, against a running `toolrisk serve`: for SECONDS, WORKERS connections send a mix of
 * good requests (searches, servers, tool pages, stats, the search page, small classify posts), bad ones (400s,
 * 404s, malformed bodies, an oversized Content-Length) and requests for a server of 10,000 tools (its JSON, its
 * page, its policies), while SLOW sockets each send a classify body one byte a second and a probe asks /health
 * every 100 ms on a new connection. Prints throughput, latency percentiles and status counts per kind, and the
 * /health latencies. Needs only a JDK: `java bench/AttackLoad.java http://127.0.0.1:PORT 60 16 300`.
 */
public final class AttackLoad {
    private static final int TIMEOUT_MS = 30_000;
    private static final String[] WORDS = {"issue", "delete", "file", "repository", "create", "user", "search", "list",
            "update", "email", "payment", "query", "database", "project", "message", "page", "browser", "deploy",
            "token", "calendar", "invoice", "order", "image", "document", "task", "comment", "branch", "secret"};
    private static final String[] CATEGORIES = {"read", "write", "execute", "destructive", "financial"};
    private static final String[] FORMATS = {"policylayer", "intercept", "claude-code"};
    private static final String[] PROFILES = {"recommended", "strict", "permissive"};
    private static final String TOOL = "{\"name\":\"send_email\",\"description\":\"Send an email to any address.\"}";

    /** Latencies (µs) and statuses of one kind of request. */
    static final class Kind {
        final String name;
        final List<long[]> latencies = new ArrayList<>();
        final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

        Kind(String name) {
            this.name = name;
        }

        synchronized void record(long micros, String status) {
            latencies.add(new long[] {micros});
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        synchronized long[] sorted() {
            long[] all = latencies.stream().mapToLong(l -> l[0]).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    record Answer(int status, byte[] body, boolean close) {
    }

    public static void main(String[] args) throws Exception {
        var base = java.net.URI.create(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int slow = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        var address = new InetSocketAddress(base.getHost(), base.getPort());

        // What to ask for: servers and tools of the catalogue served.
        List<String> servers = new ArrayList<>();
        List<String> tools = new ArrayList<>();
        try (var c = new Connection(address)) {
            for (int page = 1; page <= 5; page++) {
                String body = new String(c.request("GET /api/v1/servers?size=100&page=" + page, null).body, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\{\"id\":\"([a-z0-9._-]+)\"").matcher(body);
                while (m.find()) if (!m.group(1).equals("big")) servers.add(m.group(1));
            }
            for (String word : WORDS) {
                String body = new String(c.request("GET /api/v1/tools?size=20&q=" + word, null).body, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\{\"server\":\"([a-z0-9._-]+)\",\"tool\":\"([A-Za-z0-9_.-]+)\"").matcher(body);
                while (m.find()) if (!m.group(1).equals("big")) tools.add("/servers/" + m.group(1) + "/tools/" + m.group(2));
            }
        }
        System.out.printf("catalogue: %d servers and %d tool pages to ask for, plus big%n", servers.size(), tools.size());

        var good = new Kind("good");
        var bad = new Kind("bad");
        var big = new Kind("10,000-tool");
        var health = new Kind("/health");
        var slowAnswers = new Kind("slow bodies");
        var stop = new AtomicBoolean();
        var slowOpened = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();

        for (int s = 0; s < slow; s++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    long began = System.nanoTime();
                    try (var socket = new Socket()) {
                        socket.connect(address, TIMEOUT_MS);
                        slowOpened.incrementAndGet();
                        socket.setSoTimeout(1000);
                        OutputStream out = socket.getOutputStream();
                        out.write(("POST /api/v1/classify HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100000\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        InputStream in = socket.getInputStream();
                        while (!stop.get()) {
                            try {
                                int b = in.read(); // an answer (408, 503) or the end: the server let go of this one
                                slowAnswers.record((System.nanoTime() - began) / 1000, b < 0 ? "closed" : statusOf(in, b));
                                sleepQuietly(1000); // then the attacker comes back
                                break;
                            } catch (SocketTimeoutException e) {
                                out.write(' ');
                                out.flush();
                            }
                        }
                    } catch (IOException e) {
                        if (!stop.get()) slowAnswers.record((System.nanoTime() - began) / 1000, "error");
                        sleepQuietly(100);
                    }
                }
            }));
        }

        threads.add(Thread.ofPlatform().start(() -> {
            while (System.nanoTime() < end) {
                long began = System.nanoTime();
                String status;
                try (var c = new Connection(address)) {
                    status = String.valueOf(c.request("GET /health", null).status);
                } catch (IOException e) {
                    status = e instanceof SocketTimeoutException ? "timeout" : "error";
                }
                health.record((System.nanoTime() - began) / 1000, status);
                sleepQuietly(Math.max(0, 100 - (System.nanoTime() - began) / 1_000_000));
            }
        }));

        for (int w = 0; w < workers; w++) {
            long seed = 17 + w;
            threads.add(Thread.ofPlatform().start(() -> {
                var random = new Random(seed);
                Connection connection = null;
                while (!stop.get()) {
                    int roll = random.nextInt(100);
                    Kind kind = roll < 80 ? good : roll < 95 ? bad : big;
                    long began = System.nanoTime();
                    String status;
                    try {
                        if (kind == bad && random.nextInt(3) == 0) {
                            status = malformed(address, random);
                        } else {
                            if (connection == null) connection = new Connection(address);
                            String[] request = kind == good ? good(random, servers, tools) : kind == bad ? bad(random) : big(random);
                            Answer answer = connection.request(request[0], request[1]);
                            status = String.valueOf(answer.status);
                            if (answer.close) {
                                connection.close();
                                connection = null;
                            }
                        }
                    } catch (IOException e) {
                        status = e instanceof SocketTimeoutException ? "timeout" : "error";
                        if (connection != null) connection.close();
                        connection = null;
                    }
                    if (began < end) kind.record((System.nanoTime() - began) / 1000, status);
                    if (System.nanoTime() >= end) break;
                }
                if (connection != null) connection.close();
            }));
        }

        Thread.sleep(seconds * 1000L);
        // Requests started in the window are waited for (up to their timeout) and counted; the attack goes on meanwhile.
        for (Thread t : threads.subList(slow, threads.size())) t.join(TIMEOUT_MS + 5_000L);
        stop.set(true);
        for (Thread t : threads) t.join(TIMEOUT_MS + 5_000L);
        double elapsed = seconds;

        System.out.printf("%d s, %d workers, %d slow-body sockets (%,d opened in all)%n", seconds, workers, slow, slowOpened.get());
        System.out.println("| kind | requests | req/s | p50 ms | p99 ms | max ms | statuses |");
        System.out.println("|---|---|---|---|---|---|---|");
        long total = 0;
        List<long[]> all = new ArrayList<>();
        for (Kind kind : List.of(good, bad, big, health, slowAnswers)) {
            long[] sorted = kind.sorted();
            if (kind != health && kind != slowAnswers) {
                total += sorted.length;
                all.add(sorted);
            }
            row(kind.name, sorted, kind == slowAnswers ? Double.NaN : sorted.length / elapsed, new TreeMap<>(kind.statuses));
        }
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        row("all but /health", merged, total / elapsed, Map.of());
    }

    private static void row(String name, long[] sorted, double rate, Map<String, LongAdder> statuses) {
        var counts = new StringBuilder();
        statuses.forEach((status, n) -> counts.append(counts.isEmpty() ? "" : ", ").append(status).append(": ").append(n.sum()));
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", name, sorted.length,
                Double.isNaN(rate) ? "" : "%,.0f".formatted(rate), ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.length == 0 ? "-" : "%,.1f".formatted(sorted[sorted.length - 1] / 1000.0), counts);
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) return "-";
        return String.format(Locale.ROOT, "%,.1f", sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1000.0);
    }

    private static String[] good(Random random, List<String> servers, List<String> tools) {
        String word = WORDS[random.nextInt(WORDS.length)];
        return switch (random.nextInt(8)) {
            case 0, 1 -> new String[] {"GET /api/v1/tools?q=" + word, null};
            case 2 -> new String[] {"GET /api/v1/tools?category=" + CATEGORIES[random.nextInt(5)] + "&page=" + (1 + random.nextInt(5)), null};
            case 3 -> new String[] {"GET /api/v1/servers/" + servers.get(random.nextInt(servers.size())), null};
            case 4 -> new String[] {"GET " + tools.get(random.nextInt(tools.size())), null};
            case 5 -> new String[] {"GET /?q=" + word, null};
            case 6 -> new String[] {"GET /api/v1/stats", null};
            default -> new String[] {"POST /api/v1/classify", "[" + TOOL + "]"};
        };
    }

    private static String[] bad(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new String[] {"GET /api/v1/tools?size=0", null};
            case 1 -> new String[] {"GET /api/v1/servers/no-such-server", null};
            case 2 -> new String[] {"GET /api/v1/tools?category=nope", null};
            case 3 -> new String[] {"GET /api/v1/servers/github/tools/%ED%A0%80", null};
            default -> new String[] {"POST /api/v1/classify", "not json"};
        };
    }

    private static String[] big(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new String[] {"GET /api/v1/servers/big", null};
            case 1 -> new String[] {"GET /servers/big", null};
            default -> new String[] {"GET /api/v1/servers/big/policy?format=" + FORMATS[random.nextInt(3)] + "&profile="
                    + PROFILES[random.nextInt(3)], null};
        };
    }

    /** A request broken at the HTTP level, on a connection of its own: a bad chunk size, a short body, a huge length. */
    private static String malformed(InetSocketAddress address, Random random) throws IOException {
        String head = "POST /api/v1/classify HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n";
        String request = switch (random.nextInt(3)) {
            case 0 -> head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n";
            case 1 -> head + "Content-Length: 100\r\n\r\n[{\"name\":";
            default -> head + "Content-Length: 99999999999\r\n\r\n";
        };
        try (var socket = new Socket()) {
            socket.connect(address, TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (request.contains("Content-Length: 100\r\n")) socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            int b = in.read();
            return b < 0 ? "closed" : statusOf(in, b);
        }
    }

    private static String statusOf(InputStream in, int first) throws IOException {
        var line = new StringBuilder().append((char) first);
        for (int b = in.read(); b >= 0 && b != '\n' && line.length() < 64; b = in.read()) line.append((char) b);
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? parts[1] : "?";
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One keep-alive HTTP/1.1 connection. */
    static final class Connection implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;

        Connection(InetSocketAddress address) throws IOException {
            socket.connect(address, TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        Answer request(String line, String body) throws IOException {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = line + " HTTP/1.1\r\nHost: bench\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String status = readLine();
            if (status == null) throw new IOException("connection closed");
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).strip());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            var content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(readLine().strip(), 16); size > 0; size = Integer.parseInt(readLine().strip(), 16)) {
                    content.write(in.readNBytes(size));
                    readLine();
                }
                readLine();
            } else if (length >= 0) {
                content.write(in.readNBytes((int) length));
            } else {
                content.write(in.readAllBytes());
                close = true;
            }
            return new Answer(code, content.toByteArray(), close);
        }

        private String readLine() throws IOException {
            var line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') return line.toString().stripTrailing();
                line.append((char) b);
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
