package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener for the profiles that are not TLS configurations; it accepts TCP and then misbehaves:
 * <pre>
 *   handshake-stall:  ClientHello --> (read and ignored, nothing ever sent; the socket stays open)
 *   handshake-reset:  ClientHello --> RST (SO_LINGER 0, then close)
 *   plaintext:        ClientHello --> "HTTP/1.1 400 Bad Request ..." in clear text, then FIN
 * </pre>
 */
final class NetworkProfileServer {

  static final String PLAINTEXT_BODY = "wschaos plaintext profile: this port speaks plain HTTP, not TLS\n";
  static final String PLAINTEXT_RESPONSE = "HTTP/1.1 400 Bad Request\r\n"
      + "Content-Type: text/plain; charset=utf-8\r\n"
      + "Content-Length: " + PLAINTEXT_BODY.getBytes(StandardCharsets.UTF_8).length + "\r\n"
      + "Connection: close\r\n\r\n" + PLAINTEXT_BODY;

  private static final Logger LOG = LoggerFactory.getLogger(NetworkProfileServer.class);

  private NetworkProfileServer() {}

  static Future<NetServer> listen(Vertx vertx, String host, int port, TlsProfile profile) {
    NetServerOptions options = new NetServerOptions().setHost(host).setPort(port);
    if (profile == TlsProfile.HANDSHAKE_RESET) {
      options.setSoLinger(0);
    }
    return vertx.createNetServer(options).connectHandler(socket -> onConnect(socket, profile)).listen();
  }

  private static void onConnect(NetSocket socket, TlsProfile profile) {
    LOG.debug("{} connection from {}", profile, socket.remoteAddress());
    switch (profile) {
      case HANDSHAKE_STALL -> socket.handler(ignored -> { });
      case HANDSHAKE_RESET -> socket.handler(ignored -> {
        socket.handler(null);
        socket.close();
      });
      case PLAINTEXT -> socket.handler(ignored -> {
        socket.handler(null);
        socket.end(Buffer.buffer(PLAINTEXT_RESPONSE));
      });
      default -> throw new IllegalArgumentException(profile + " is a TLS profile");
    }
  }
}
