package dev.wschaos.simulator.matrix;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Jetty 12's WebSocket client (Jetty API): {@code onWebSocketClose}/{@code onWebSocketError} are final. */
final class JettyDriver implements ClientDriver {

  @Override
  public String id() {
    return "jetty";
  }

  @Override
  public String title() {
    return "Jetty " + Versions.pom(WebSocketClient.class, "org.eclipse.jetty.websocket", "jetty-websocket-jetty-client");
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    Recorder recorder = new Recorder();
    HttpClient http = new HttpClient();
    if (cell.ca() != null) {
      SslContextFactory.Client ssl = new SslContextFactory.Client();
      ssl.setSslContext(cell.ca().context());
      http.setSslContextFactory(ssl);
    }
    WebSocketClient client = new WebSocketClient(http);
    client.setConnectTimeout(Cell.CONNECT_TIMEOUT.toMillis());
    client.start();
    try {
      Session session = client.connect(new JettyListener(recorder), cell.url())
          .get(cell.timeout().toMillis(), TimeUnit.MILLISECONDS);
      switch (cell.step()) {
        case PING -> session.sendPing(ByteBuffer.wrap(new byte[] {'p'}), Callback.NOOP);
        case CLOSE -> session.close(1000, "bye", Callback.NOOP);
        case WAIT -> { }
      }
    } catch (ExecutionException e) {
      recorder.finish("connect failed " + Recorder.describe(e.getCause())
          + (e.getCause() instanceof UpgradeException upgrade ? "; status " + upgrade.getResponseStatusCode() : ""));
    } catch (java.util.concurrent.TimeoutException e) {
      recorder.event("connect pending");
    }
    Observation seen = recorder.await(cell.timeout());
    client.stop();
    return seen;
  }
}
