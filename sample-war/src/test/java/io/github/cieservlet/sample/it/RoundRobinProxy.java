package io.github.cieservlet.sample.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A load balancer without session affinity, on a free loopback port, for the cluster test: each request of the
 * browser goes to the next node in turn (A, B, A, ...), whatever its cookies; a node that refuses connections (it
 * was stopped) is skipped, as a real balancer retries the next upstream on a connection error. Requests under
 * {@code /cie-test-idp/} go to the server whose test IdP plays the identity provider of every node (outside the
 * cluster, as the Ministry's is; each WAR has its own test IdP, with its own key), and {@code /cie/metadata} (read by that IdP, the same document on every node) to the first node that answers,
 * so that only the browser's requests take turns. Adds no forwarding header; remembers which node served each
 * path, for the test's assertions.
 */
final class RoundRobinProxy implements AutoCloseable {

    /** A request as the proxy routed it. */
    record Routed(String method, String path, String node) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-authorization", "proxy-authenticate");
    private static final String IDP_PREFIX = "/cie-test-idp/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> names = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Routed> routed = Collections.synchronizedList(new ArrayList<>());
    private volatile int idpPort;
    private int next;

    RoundRobinProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the balancer's URL: every node's {@code cie.publicBaseUrl} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @param name the node's name in {@link #routed()} @param port where the node listens */
    synchronized void addNode(String name, int port) {
        names.add(name);
        ports.add(port);
    }

    /** @param port where the server whose test IdP answers {@code /cie-test-idp/} for every node listens */
    void identityProvider(int port) {
        idpPort = port;
    }

    /** @param name the node that takes the browser's next request (then the turns go on from there) */
    synchronized void nextTurn(String name) {
        next = names.indexOf(name);
        if (next < 0) {
            throw new IllegalArgumentException("no node " + name);
        }
    }

    /** @return every request routed so far, in order */
    List<Routed> routed() {
        synchronized (routed) {
            return List.copyOf(routed);
        }
    }

    /** @param path a request path @return the node that served the last request for it */
    String lastServedBy(String path) {
        List<Routed> all = routed();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).path().equals(path)) {
                return all.get(i).node();
            }
        }
        throw new AssertionError("no request for " + path + " in " + all);
    }

    private synchronized int takeTurn() {
        int turn = next;
        next = (next + 1) % names.size();
        return turn;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith(IDP_PREFIX)) {
                forward(exchange, body, "idp", idpPort);
                return;
            }
            boolean browser = !path.equals("/cie/metadata");
            int first = browser ? takeTurn() : 0;
            for (int i = 0; i < names.size(); i++) {
                int node = (first + i) % names.size();
                try {
                    forward(exchange, body, names.get(node), ports.get(node));
                    return;
                } catch (IOException e) {
                    if (accepts(ports.get(node))) {
                        throw e; // the node is up: the failure is the request's own, never sent twice
                    }
                    // the node is down (connection refused): the next one takes the request
                }
            }
            exchange.sendResponseHeaders(502, -1);
        } catch (IOException | RuntimeException e) {
            if (exchange.getResponseCode() < 0) {
                exchange.sendResponseHeaders(502, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void forward(HttpExchange exchange, byte[] body, String node, int port)
            throws IOException, InterruptedException {
        URI target = URI.create("http://127.0.0.1:" + port + exchange.getRequestURI().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        routed.add(new Routed(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), node));
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
