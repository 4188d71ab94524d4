package dev.wschaos.simulator.matrix;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Spring's {@code StandardWebSocketClient} over Tomcat's JSR 356 client ({@code tomcat-embed-websocket}):
 * {@code afterConnectionClosed} is final, {@code handleTransportError} comes before it. Tomcat's default I/O timeout
 * (5 s) bounds the handshake.
 */
final class SpringDriver implements ClientDriver {

  @Override
  public String id() {
    return "spring";
  }

  @Override
  public String title() {
    return "Spring " + Versions.of(StandardWebSocketClient.class) + " + Tomcat "
        + Versions.of(org.apache.tomcat.websocket.WsWebSocketContainer.class);
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    Recorder recorder = new Recorder();
    StandardWebSocketClient client = new StandardWebSocketClient();
    if (cell.ca() != null) {
      client.setSslContext(cell.ca().context());
    }
    WebSocketSession session = null;
    try {
      session = client.execute(new Handler(recorder), new WebSocketHttpHeaders(), cell.url())
          .get(cell.timeout().toMillis(), TimeUnit.MILLISECONDS);
      switch (cell.step()) {
        case PING -> session.sendMessage(new PingMessage(ByteBuffer.wrap(new byte[] {'p'})));
        case CLOSE -> session.close(new CloseStatus(1000, "bye"));
        case WAIT -> { }
      }
    } catch (ExecutionException e) {
      recorder.finishError("execute failed", e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      recorder.event("execute pending");
    } catch (java.io.IOException e) {
      recorder.error("send failed", e);
    }
    Observation seen = recorder.await(cell.timeout());
    if (session != null && session.isOpen()) {
      session.close();
    }
    return seen;
  }

  private static final class Handler extends AbstractWebSocketHandler {
    private final Recorder recorder;

    Handler(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
      recorder.event("afterConnectionEstablished");
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
      recorder.event("handleTextMessage " + Headers.quote(message.getPayload()));
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, org.springframework.web.socket.BinaryMessage message) {
      recorder.event("handleBinaryMessage " + message.getPayloadLength() + " bytes");
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
      recorder.event("handlePongMessage");
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
      recorder.error("handleTransportError", exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
      recorder.finish("afterConnectionClosed " + status.getCode() + " " + Headers.quote(status.getReason()));
    }
  }
}
