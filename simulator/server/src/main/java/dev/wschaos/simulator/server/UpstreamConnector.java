package dev.wschaos.simulator.server;

import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.plan.UpstreamTls;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Opens the upstream side of a proxied connection: the client's path and query appended to the upstream's url, its
 * subprotocol offer and the chosen headers. A failure comes back as the {@link Refusal} to answer the client with.
 */
final class UpstreamConnector {

  /** Messages up to this size are relayed from the upstream: the listener's own limit for client messages. */
  static final int MAX_MESSAGE_BYTES = HttpServerOptions.DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE;
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "upgrade", "content-length",
      "transfer-encoding", "keep-alive", "sec-websocket-accept", "sec-websocket-protocol",
      "sec-websocket-extensions");

  /** How the client is answered when the upstream did not accept: its own answer where there was one. */
  record Refusal(int status, Map<String, String> headers, String body, String why) {}

  private static final long CLEANUP_AFTER_MS = 1000;

  private final Vertx vertx;
  private final WebSocketClient client;

  UpstreamConnector(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxMessageSize(MAX_MESSAGE_BYTES)
        .setMaxFrameSize(WebSocketClientOptions.DEFAULT_MAX_FRAME_SIZE));
  }

  Future<WebSocket> connect(Upstream upstream, VertxUpgradeRequest request) {
    URI base = upstream.uri();
    boolean secure = "wss".equalsIgnoreCase(base.getScheme());
    String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String query = request.rawQuery();
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(base.getHost())
        .setPort(base.getPort() > 0 ? base.getPort() : secure ? 443 : 80)
        .setSsl(secure)
        .setURI(basePath + request.path() + (query == null || query.isEmpty() ? "" : "?" + query))
        .setSubProtocols(request.offeredSubprotocols().isEmpty() ? null : request.offeredSubprotocols())
        .setConnectTimeout(upstream.connectTimeout().toMillis())
        .setTimeout(upstream.connectTimeout().toMillis() + CLEANUP_AFTER_MS);   // frees an answer that never came
    if (secure) {
      options.setSslOptions(sslOptions(upstream.tls()));
    }
    boolean forwardsOrigin = upstream.forwardHeaders().stream().anyMatch("Origin"::equalsIgnoreCase);
    options.setAllowOriginHeader(forwardsOrigin && request.header("Origin") != null);
    for (String name : upstream.forwardHeaders()) {
      for (String value : request.headers(name)) {
        options.addHeader(name, value);
      }
    }
    Promise<WebSocket> answered = Promise.promise();
    long timer = vertx.setTimer(upstream.connectTimeout().toMillis(), t -> answered.tryFail(new TimeoutException()));
    client.connect(options).onComplete(result -> {
      vertx.cancelTimer(timer);
      if (result.succeeded()) {
        result.result().pause();   // hold what the upstream sends until the client side is open and relaying
        if (!answered.tryComplete(result.result())) {
          result.result().close((short) 1001, UpstreamSession.CLIENT_SIDE_ENDED);
        }
      } else {
        answered.tryFail(result.cause());
      }
    });
    return answered.future().recover(failure -> Future.failedFuture(refusal(upstream, failure)));
  }

  Future<Void> close() {
    return client.close();
  }

  private static ClientSSLOptions sslOptions(UpstreamTls tls) {
    ClientSSLOptions ssl = new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS");
    return switch (tls.trust()) {
      case JDK -> ssl;
      case CA_PEM -> ssl.setTrustOptions(new PemTrustOptions().addCertPath(tls.caPem()));
      case INSECURE -> ssl.setTrustAll(true).setHostnameVerificationAlgorithm("");
    };
  }

  private static RefusalException refusal(Upstream upstream, Throwable failure) {
    if (failure instanceof UpgradeRejectedException rejected) {
      return new RefusalException(new Refusal(rejected.getStatus(), passedThrough(rejected.getHeaders()),
          rejected.getBody() == null ? "" : rejected.getBody().toString(),
          "upstream " + upstream.url() + " answered " + rejected.getStatus()));
    }
    boolean timedOut = failure instanceof TimeoutException
        || failure instanceof ConnectTimeoutException;
    String why = timedOut
        ? "upstream " + upstream.url() + " did not answer within " + upstream.connectTimeout().toMillis() + "ms"
        : "upstream " + upstream.url() + " is unreachable: " + describe(failure);
    return new RefusalException(new Refusal(timedOut ? 504 : 502, Map.of(), "wschaos: " + why + "\n", why));
  }

  /** The failure and its root cause, which says why a TLS handshake failed ("PKIX path building failed: ..."). */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure || root.getMessage() == null ? failure.toString()
        : failure + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private static Map<String, String> passedThrough(MultiMap headers) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((name, value) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
          out.merge(name, value, (a, b) -> a + ", " + b);
        }
      });
    }
    return out;
  }

  /** The failure {@link #connect} completes with when the upstream did not accept. */
  static final class RefusalException extends RuntimeException {
    private final transient Refusal refusal;

    RefusalException(Refusal refusal) {
      super(refusal.why(), null, false, false);
      this.refusal = refusal;
    }

    Refusal refusal() {
      return refusal;
    }
  }
}
