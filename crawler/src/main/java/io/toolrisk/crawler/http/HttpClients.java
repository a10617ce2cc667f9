package io.toolrisk.crawler.http;

import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the crawler's {@link OkHttpClient}. Make one per process and share it (its connection pool and
 * threads are meant to be shared); per-server variations are per-request.
 */
public final class HttpClients {
    public static final String USER_AGENT = "toolrisk-crawler/0.1";

    private HttpClients() {
    }

    /**
     * A client with the given connect timeout and per-read timeout; whole-call limits are set per call.
     * Calls are made synchronously from virtual threads, so the dispatcher's per-host limit does not apply.
     */
    public static OkHttpClient create(Duration connectTimeout, Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // Many crawls at once reuse loopback and registry connections; five idle ones would churn.
                .connectionPool(new ConnectionPool(64, 30, TimeUnit.SECONDS))
                .addInterceptor(new UserAgentInterceptor())
                .build();
    }

    /** Names the crawler on every request, so server operators can tell what is calling. */
    static final class UserAgentInterceptor implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            return chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
        }
    }
}
