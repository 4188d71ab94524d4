package dev.wschaos.simulator.matrix;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;

/** Vert.x 5's {@code WebSocketClient}, default options: {@code closeHandler} is final, exceptions are events. */
final class VertxDriver implements ClientDriver {

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

  @Override
  public String id() {
    return "vertx";
  }

  @Override
  public String title() {
    return "Vert.x " + Versions.resource(Vertx.class, "/META-INF/vertx/vertx-version.txt");
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    Recorder recorder = new Recorder();
    WebSocketClientOptions options = new WebSocketClientOptions()
        .setConnectTimeout((int) Cell.CONNECT_TIMEOUT.toMillis());
    if (cell.ca() != null) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(cell.ca().pem())));
    }
    WebSocketClient client = vertx.createWebSocketClient(options);
    WebSocketConnectOptions connect = new WebSocketConnectOptions()
        .setHost(cell.url().getHost()).setPort(cell.url().getPort()).setURI(cell.url().getRawPath())
        .setSsl("wss".equals(cell.url().getScheme())).setTimeout(Cell.CONNECT_TIMEOUT.toMillis());
    client.connect(connect)
        .onSuccess(ws -> opened(ws, cell.step(), recorder))
        .onFailure(failure -> recorder.finish("connect failed " + Recorder.describe(failure)
            + (failure instanceof UpgradeRejectedException rejected
                ? Headers.status(rejected.getStatus(), name -> rejected.getHeaders().get(name)) : "")));
    Observation seen = recorder.await(cell.timeout());
    client.close();
    return seen;
  }

  private static void opened(WebSocket ws, Step step, Recorder recorder) {
    recorder.event("connected");
    if (ws.isClosed()) {
      recorder.finish("closed before handlers were set: closeStatusCode " + ws.closeStatusCode() + " "
          + Headers.quote(ws.closeReason()));
      return;
    }
    ws.textMessageHandler(text -> recorder.event("textMessage " + Headers.quote(text)));
    ws.binaryMessageHandler(data -> recorder.event("binaryMessage " + data.length() + " bytes"));
    ws.pongHandler(data -> recorder.event("pong"));
    ws.exceptionHandler(error -> recorder.error("exceptionHandler", error));
    ws.closeHandler(v -> recorder.finish("closeHandler: closeStatusCode " + ws.closeStatusCode() + " "
        + Headers.quote(ws.closeReason())));
    switch (step) {
      case PING -> ws.writePing(Buffer.buffer("p"));
      case CLOSE -> ws.close((short) 1000, "bye");
      case WAIT -> { }
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
