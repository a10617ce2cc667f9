package io.toolrisk.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.toolrisk.catalogue.json.Json;
import io.toolrisk.classifier.Classifier;
import io.toolrisk.index.ChangeLog;
import io.toolrisk.index.LiveIndex;
import io.toolrisk.mcpserver.McpServer;
import io.toolrisk.mcpserver.StreamableHttpEndpoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The HTTP face of ToolRisk: the JSON API of DESIGN.md under {@code /api/v1}, the pages, {@code /health},
 * {@code /openapi.json} and the MCP server at {@code /mcp}. {@link #create} returns an unstarted app; the serve command calls {@code start(port)},
 * tests start it on port 0.
 */
public final class SearchApi {
    /** Largest {@code POST /api/v1/classify} body; beyond it the answer is 413. */
    public static final long MAX_CLASSIFY_BODY_BYTES = HttpLimits.DEFAULT.maxBodyBytes();

    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    /** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn, 4096 on current Linux). */
    private static final int ACCEPT_QUEUE = 1024;

    private SearchApi() {
    }

    /** The app serving {@code view}, classifying with the bundled ruleset. */
    public static Javalin create(LiveIndex view) {
        return create(view, Classifier.bundled());
    }

    /** The app serving {@code view}; {@code classifier} answers {@code POST /api/v1/classify}. */
    public static Javalin create(LiveIndex view, Classifier classifier) {
        return create(view, classifier, HttpLimits.DEFAULT, config -> { });
    }

    /**
     * As above, within {@code limits}, with {@code extra} configuration applied last (benchmarks add a baseline route
     * this way).
     */
    static Javalin create(LiveIndex view, Classifier classifier, HttpLimits limits, Consumer<JavalinConfig> extra) {
        var changeLog = new ChangeLog(view.store());
        var tools = new ToolsApi(view);
        var servers = new ServersApi(view);
        var stats = new StatsApi(view);
        var changes = new ChangesApi(view, changeLog);
        var classify = new ClassifyApi(classifier);
        var pages = new Pages(view, changeLog, servers);
        var mcp = new StreamableHttpEndpoint(new McpServer(view, classifier, changeLog));
        byte[] openApi = resource("openapi.json");
        byte[] css = resource("style.css");
        byte[] script = resource("pages.js");
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors());
                server.insertHandler(new RequestBodies(limits));
                server.addEventListener(connectors(server, limits.idleTimeout()));
            });
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.routes.before(SearchApi::commonHeaders);
            config.routes.get("/api/v1/tools", tools::search);
            config.routes.get("/api/v1/servers", servers::list);
            config.routes.get("/api/v1/servers/{server}", servers::server);
            config.routes.get("/api/v1/servers/{server}/tools/{tool}", tools::tool);
            config.routes.get("/api/v1/servers/{server}/policy", servers::policy);
            config.routes.post("/api/v1/classify", classify::classify);
            config.routes.get("/api/v1/stats", stats::stats);
            config.routes.get("/api/v1/changes", changes::changes);
            config.routes.get("/health", stats::health);
            config.routes.post("/mcp", mcp::post);
            config.routes.get("/mcp", mcp::notAllowed);
            config.routes.delete("/mcp", mcp::notAllowed);
            config.routes.get("/openapi.json", ctx -> ctx.contentType(JsonBody.JSON).result(openApi));
            config.routes.get("/", pages::search);
            config.routes.get("/servers", pages::servers);
            config.routes.get("/servers/{server}", pages::server);
            config.routes.get("/servers/{server}/tools/{tool}", pages::tool);
            config.routes.get("/style.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "public, max-age=3600").result(css));
            config.routes.get("/pages.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                    .header("Cache-Control", "public, max-age=3600").result(script));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> httpError(e, ctx, limits, pages));
            config.routes.exception(Exception.class, SearchApi::unexpected);
            extra.accept(config);
        });
    }

    /**
     * Sets up the connectors Javalin adds when it starts the server: the idle timeout, and a queue of connections not
     * yet accepted long enough for bursts (Jetty's default of 50 overflows when many clients connect at once, and a
     * client whose connection was dropped from it tries again only a second later).
     */
    private static LifeCycle.Listener connectors(Server server, Duration idleTimeout) {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector c) c.setIdleTimeout(idleTimeout.toMillis());
                    if (connector instanceof ServerConnector c) c.setAcceptQueueSize(ACCEPT_QUEUE);
                }
            }
        };
    }

    private static void commonHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json") || ctx.path().equals("/health")) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Allow-Methods", "GET");
        }
    }

    /** 4xx as {@code {"error","status"}} on the API; as the error page for a browser ({@link Pages#wantsHtml}). */
    private static void httpError(HttpResponseException e, Context ctx, HttpLimits limits, Pages pages) {
        int status = e.getStatus();
        String message = e.getMessage();
        if (status == HttpStatus.CONTENT_TOO_LARGE.getCode())
            message = RequestBodies.tooLarge(limits.maxBodyBytes());
        if (Pages.wantsHtml(ctx)) {
            pages.error(ctx, status, message);
            return;
        }
        ApiError.send(ctx, status, message);
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ApiError.send(ctx, 500, "internal error; it is logged on the server");
    }

    private static byte[] resource(String name) {
        try (InputStream in = SearchApi.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource %s is missing from the jar".formatted(name));
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
