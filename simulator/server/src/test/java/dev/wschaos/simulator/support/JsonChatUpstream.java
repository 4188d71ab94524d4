package dev.wschaos.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wschaos.simulator.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.KeyCertOptions;
import java.util.concurrent.TimeUnit;

/**
 * A small service speaking a chat-like JSON protocol, on 127.0.0.1, to proxy to and record in tests. It chooses
 * {@code chat.v2} when offered and opens with {@code {"type":"hello","server":"json-chat","version":2}}; then
 * <pre>
 *   {"type":"auth","id":"a1","user":"ana"}          -> {"type":"ready","id":"a1","user":"ana"}
 *   {"type":"subscribe","id":"s1","room":"lobby"}   -> {"type":"subscribed","id":"s1","room":"lobby"}, then every
 *                                                      25 ms {"type":"event","room":"lobby","seq":N}, N from 1
 *   {"type":"ping","id":7}                          -> {"type":"pong","id":7}
 *   anything else                                   -> {"type":"error","reason":"unknown message"}
 * </pre>
 */
public final class JsonChatUpstream implements AutoCloseable {

  public static final long EVENT_EVERY_MS = 25;

  private final Vertx vertx;
  private final HttpServer server;
  private final boolean secure;

  private JsonChatUpstream(Vertx vertx, KeyCertOptions tls) throws Exception {
    this.vertx = vertx;
    this.secure = tls != null;
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0);
    if (tls != null) {
      options.setSsl(true).setKeyCertOptions(tls);
    }
    server = vertx.createHttpServer(options).requestHandler(this::onRequest)
        .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public static JsonChatUpstream start(Vertx vertx) throws Exception {
    return new JsonChatUpstream(vertx, null);
  }

  /** The same service on {@code wss://}, with this key and certificate. */
  public static JsonChatUpstream startTls(Vertx vertx, KeyCertOptions tls) throws Exception {
    return new JsonChatUpstream(vertx, tls);
  }

  public String url() {
    return (secure ? "wss" : "ws") + "://127.0.0.1:" + server.actualPort();
  }

  private void onRequest(HttpServerRequest request) {
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    if (offered != null && offered.contains("chat.v2")) {
      request.response().putHeader("Sec-WebSocket-Protocol", "chat.v2");
    }
    request.toWebSocket().onSuccess(this::serve);
  }

  private void serve(ServerWebSocket ws) {
    ws.writeTextMessage(Json.write(message("hello").put("server", "json-chat").put("version", 2)));
    ws.textMessageHandler(text -> {
      JsonNode in = Json.tree(text);
      String type = in == null ? "" : in.path("type").asText();
      switch (type) {
        case "auth" -> ws.writeTextMessage(Json.write(message("ready").<ObjectNode>set("id", in.get("id")).<ObjectNode>set("user",
            in.get("user"))));
        case "subscribe" -> subscribe(ws, in);
        case "ping" -> ws.writeTextMessage(Json.write(message("pong").<ObjectNode>set("id", in.get("id"))));
        default -> ws.writeTextMessage(Json.write(message("error").put("reason", "unknown message")));
      }
    });
  }

  private void subscribe(ServerWebSocket ws, JsonNode in) {
    JsonNode room = in.get("room");
    ws.writeTextMessage(Json.write(message("subscribed").<ObjectNode>set("id", in.get("id")).<ObjectNode>set("room", room)));
    long[] seq = {0};
    long timer = vertx.setPeriodic(EVENT_EVERY_MS, t -> {
      if (!ws.isClosed()) {
        ws.writeTextMessage(Json.write(message("event").<ObjectNode>set("room", room).put("seq", ++seq[0])));
      }
    });
    ws.closeHandler(v -> vertx.cancelTimer(timer));
  }

  private static ObjectNode message(String type) {
    return Json.mapper().createObjectNode().put("type", type);
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
