package io.keyward.roundtrip;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request as it goes onto the wire, with the status that came back (-1 for none), so
 * a test can count how often a mutation was really sent and see exactly which path a name became.
 * A network interceptor, so a retry by the client and one by OkHttp itself would both be counted.
 */
final class RequestLog implements Interceptor {

    /** One attempt: {@code path} is the encoded path plus "?query" when there is one. */
    record Exchange(String method, String path, int status) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + status;
        }
    }

    private final List<Exchange> sent = new CopyOnWriteArrayList<>();

    /** A base client for AmpersandClient(settings, base); the client keeps its interceptors. */
    OkHttpClient client() {
        return new OkHttpClient.Builder().addNetworkInterceptor(this).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String query = request.url().encodedQuery();
        String path = request.url().encodedPath() + (query == null ? "" : "?" + query);
        try {
            Response response = chain.proceed(request);
            sent.add(new Exchange(request.method(), path, response.code()));
            return response;
        } catch (IOException | RuntimeException e) {
            sent.add(new Exchange(request.method(), path, -1));
            throw e;
        }
    }

    List<Exchange> all() {
        return List.copyOf(sent);
    }

    List<String> paths(String method) {
        return sent.stream().filter(e -> e.method().equals(method)).map(Exchange::path).toList();
    }

    long count(String method) {
        return sent.stream().filter(e -> e.method().equals(method)).count();
    }

    void clear() {
        sent.clear();
    }
}
