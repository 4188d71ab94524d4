package dev.wschaos.simulator.matrix;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * OkHttp 5: {@code onClosed}/{@code onFailure} are final. Like OkHttp's own WebSocket recipe, the listener answers
 * {@code onClosing} with {@code close(1000, null)}. OkHttp has no ping call: the PING step turns on
 * {@code pingInterval}.
 */
final class OkHttpDriver implements ClientDriver {

  private final OkHttpClient base = new OkHttpClient.Builder()
      .connectTimeout(Cell.CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).build();

  @Override
  public String id() {
    return "okhttp";
  }

  @Override
  public String title() {
    return "OkHttp " + okhttp3.OkHttp.VERSION;
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    Recorder recorder = new Recorder();
    OkHttpClient.Builder builder = base.newBuilder();
    if (cell.step() == Step.PING) {
      builder.pingInterval(Cell.PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (cell.ca() != null) {
      builder.sslSocketFactory(cell.ca().context().getSocketFactory(), cell.ca().trustManager());
    }
    String http = cell.url().toString().replaceFirst("^ws", "http");
    WebSocket ws = builder.build().newWebSocket(new Request.Builder().url(http).build(), new Listener(recorder, cell.step()));
    Observation seen = recorder.await(cell.timeout());
    ws.cancel();
    return seen;
  }

  @Override
  public void close() {
    base.dispatcher().executorService().shutdown();
    base.connectionPool().evictAll();
  }

  private static final class Listener extends WebSocketListener {
    private final Recorder recorder;
    private final Step step;

    Listener(Recorder recorder, Step step) {
      this.recorder = recorder;
      this.step = step;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      recorder.event("onOpen");
      if (step == Step.CLOSE) {
        recorder.event("close(1000) returned " + webSocket.close(1000, "bye"));
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      recorder.event("onMessage " + Headers.quote(text));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      recorder.event("onMessage " + bytes.size() + " bytes");
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      recorder.event("onClosing " + code + " " + Headers.quote(reason));
      webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      recorder.finish("onClosed " + code + " " + Headers.quote(reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      recorder.finish("onFailure " + Recorder.describe(t)
          + (response == null ? "" : Headers.status(response.code(), response::header)));
    }
  }
}
