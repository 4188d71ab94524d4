package dev.wschaos.simulator.matrix;

import java.nio.ByteBuffer;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/** TooTallNate's Java-WebSocket: {@code onClose(code, reason, remote)} is final, {@code onError} comes before it. */
final class JavaWebSocketDriver implements ClientDriver {

  @Override
  public String id() {
    return "java-websocket";
  }

  @Override
  public String title() {
    return "Java-WebSocket " + Versions.pom(WebSocketClient.class, "org.java-websocket", "Java-WebSocket");
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    Recorder recorder = new Recorder();
    Client client = new Client(cell, recorder);
    if (cell.ca() != null) {
      client.setSocketFactory(cell.ca().context().getSocketFactory());
    }
    client.connect();
    Observation seen = recorder.await(cell.timeout());
    client.closeConnection(1000, "cell over");
    return seen;
  }

  private static final class Client extends WebSocketClient {
    private final Recorder recorder;
    private final Step step;

    Client(Cell cell, Recorder recorder) {
      super(cell.url(), new org.java_websocket.drafts.Draft_6455(), null, (int) Cell.CONNECT_TIMEOUT.toMillis());
      this.recorder = recorder;
      this.step = cell.step();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      recorder.event("onOpen " + handshake.getHttpStatus());
      switch (step) {
        case PING -> sendPing();
        case CLOSE -> close(1000, "bye");
        case WAIT -> { }
      }
    }

    @Override
    public void onMessage(String message) {
      recorder.event("onMessage " + Headers.quote(message));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
      recorder.event("onMessage " + bytes.remaining() + " bytes");
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
      recorder.event("onWebsocketPong");
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      recorder.finish("onClose " + code + " " + Headers.quote(reason) + " remote=" + remote);
    }

    @Override
    public void onError(Exception ex) {
      recorder.error("onError", ex);
    }
  }
}
