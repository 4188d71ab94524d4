package dev.wschaos.simulator.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small client of a made-up "chat" protocol ({@code chat.v2}), on the JDK's WebSocket, as an application would
 * write one: it waits for {@code hello}, authenticates, waits for {@code ready}, then subscribes to a room, or, after
 * a reconnect, resumes the room from the last event it saw ({@code {"type":"resume","lastSeq":N}}). It reconnects
 * 100 ms after losing the connection.
 *
 * <pre>{@code
 * try (ChatClient chat = ChatClient.to(url, "c1", "lobby").start()) {
 *   await().until(() -> chat.events().size() > 10);
 * }
 * }</pre>
 */
public final class ChatClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String clientId;
  private final String room;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Long> events = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<WebSocket> sending;
  private volatile boolean closed;
  private volatile long lastSeq = -1;
  private volatile int readies;
  private volatile String subprotocol;

  private ChatClient(URI base, String clientId, String room) {
    this.base = base;
    this.clientId = clientId;
    this.room = room;
  }

  public static ChatClient to(URI base, String clientId, String room) {
    return new ChatClient(base, clientId, room);
  }

  public ChatClient start() {
    connect();
    return this;
  }

  /** The sequence numbers of the room's events, in the order received. */
  public List<Long> events() {
    return List.copyOf(events);
  }

  /** How many times the server said {@code ready}. */
  public int readies() {
    return readies;
  }

  /** The subprotocol the server chose on the last connection. */
  public String subprotocol() {
    return subprotocol;
  }

  /** Every message and event, one line each. */
  public List<String> log() {
    return List.copyOf(log);
  }

  @Override
  public void close() {
    closed = true;
    CompletableFuture<WebSocket> last = sending;
    if (last != null) {
      last.thenAccept(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    log.add("connect");
    http.newWebSocketBuilder().subprotocols("chat.v2")
        .buildAsync(URI.create(base + "?clientId=" + clientId), new Listener())
        .whenComplete((ws, error) -> {
          if (error != null) {
            log.add("failed " + error);
            reconnect();
          }
        });
  }

  private void reconnect() {
    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(this::connect);
  }

  private void send(ObjectNode message) {
    String text = message.toString();
    log.add("> " + text);
    sending = sending.thenCompose(ws -> ws.sendText(text, true));
  }

  private void received(String text) {
    log.add("< " + text);
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (Exception e) {
      return;
    }
    switch (message.path("type").asText()) {
      case "hello" -> send(JSON.createObjectNode().put("type", "auth").put("user", "ana"));
      case "ready" -> {
        readies++;
        send(lastSeq < 0 ? JSON.createObjectNode().put("type", "subscribe").put("room", room)
            : JSON.createObjectNode().put("type", "resume").put("room", room).put("lastSeq", lastSeq));
      }
      case "event" -> {
        long seq = message.path("seq").asLong();
        events.add(seq);
        lastSeq = seq;
      }
      default -> { }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      subprotocol = webSocket.getSubprotocol();
      log.add("open " + subprotocol);
      sending = CompletableFuture.completedFuture(webSocket);
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received(text.toString());
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      log.add("close " + statusCode + " '" + reason + "'");
      reconnect();
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      log.add("error " + error);
      reconnect();
    }
  }
}
