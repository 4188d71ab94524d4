package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.server.HostCheck;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Serves the root CA at {@value #PATH} on every TLS listener, and hands every other request to the WebSocket handler.
 * The client has to skip verification for this one download ({@code curl -k}), or it can read the CA from
 * {@code --ca-out} or {@code WsChaosServer.caPem()}. Like the admin API it answers only to its own address,
 * {@code localhost} and IP addresses ({@link HostCheck}): 403 to a foreign {@code Host}.
 */
final class CaEndpoint implements Handler<HttpServerRequest> {

  static final String PATH = "/.well-known/wschaos/ca.pem";

  private final String pem;
  private final HostCheck hosts;
  private final Handler<HttpServerRequest> next;

  CaEndpoint(String pem, HostCheck hosts, Handler<HttpServerRequest> next) {
    this.pem = pem;
    this.hosts = hosts;
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.method() == HttpMethod.GET && PATH.equals(request.path()) && request.getHeader("Upgrade") == null) {
      String host = request.getHeader("Host");
      if (!hosts.allows(host)) {
        request.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
            .end("wschaos: " + hosts.refusal(host, "--host")
                + "; or read the CA from --ca-out DIR or the admin API's /tls/ca.pem\n");
        return;
      }
      request.response().putHeader("Content-Type", "application/x-pem-file").end(pem);
      return;
    }
    next.handle(request);
  }
}
