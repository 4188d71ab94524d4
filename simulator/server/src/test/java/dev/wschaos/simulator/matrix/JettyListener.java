package dev.wschaos.simulator.matrix;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty column's endpoint; public because Jetty binds its methods through method handles. A failed upgrade is
 * recorded from the connect future: Jetty also calls {@code onWebSocketError} then, in a varying order relative to
 * the future, so that call is left out.
 */
public final class JettyListener implements Session.Listener.AutoDemanding {

  private final Recorder recorder;
  private volatile boolean opened;

  JettyListener(Recorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    opened = true;
    recorder.event("onWebSocketOpen");
  }

  @Override
  public void onWebSocketText(String message) {
    recorder.event("onWebSocketText " + Headers.quote(message));
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    recorder.event("onWebSocketBinary " + payload.remaining() + " bytes");
    callback.succeed();
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    recorder.event("onWebSocketPong");
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    if (opened) {
      recorder.finishError("onWebSocketError", cause);
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    recorder.finish("onWebSocketClose " + statusCode + " " + Headers.quote(reason));
  }
}
