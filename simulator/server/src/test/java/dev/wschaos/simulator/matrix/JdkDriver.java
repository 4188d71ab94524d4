package dev.wschaos.simulator.matrix;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The JDK's {@code java.net.http.WebSocket}: {@code onClose}/{@code onError} are final. */
final class JdkDriver implements ClientDriver {

  @Override
  public String id() {
    return "jdk";
  }

  @Override
  public String title() {
    return "JDK " + Runtime.version().feature() + " java.net.http";
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    Recorder recorder = new Recorder();
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Cell.CONNECT_TIMEOUT);
    if (cell.ca() != null) {
      http.sslContext(cell.ca().context());
    }
    WebSocket webSocket = null;
    try {
      webSocket = http.build().newWebSocketBuilder().connectTimeout(Cell.CONNECT_TIMEOUT)
          .buildAsync(cell.url(), new Listener(recorder))
          .get(cell.timeout().toMillis(), TimeUnit.MILLISECONDS);
      switch (cell.step()) {
        case PING -> webSocket.sendPing(ByteBuffer.wrap(new byte[] {'p'}));
        case CLOSE -> webSocket.sendClose(1000, "bye");
        case WAIT -> { }
      }
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WebSocketHandshakeException handshake) {
        recorder.finish("buildAsync failed " + Recorder.describe(handshake)
            + Headers.status(handshake.getResponse().statusCode(),
                name -> handshake.getResponse().headers().firstValue(name).orElse(null)));
      } else {
        recorder.finishError("buildAsync failed", cause);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      recorder.event("buildAsync pending");
    }
    Observation seen = recorder.await(cell.timeout());
    if (webSocket != null) {
      webSocket.abort();
    }
    return seen;
  }

  private static final class Listener implements WebSocket.Listener {
    private final Recorder recorder;
    private final StringBuilder text = new StringBuilder();
    private int parts;

    Listener(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      recorder.event("onOpen");
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      parts++;
      if (last) {
        recorder.event("onText " + Headers.quote(text.toString()) + (parts > 1 ? " (delivered in parts)" : ""));
        text.setLength(0);
        parts = 0;
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      recorder.event("onBinary " + data.remaining() + " bytes" + (last ? "" : " (part)"));
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      recorder.event("onPong");
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      recorder.finish("onClose " + statusCode + " " + Headers.quote(reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      recorder.finishError("onError", error);
    }
  }
}
