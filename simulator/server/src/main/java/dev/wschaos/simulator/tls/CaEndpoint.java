package dev.wschaos.simulator.tls;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Serves the root CA at {@value #PATH} on every TLS listener, and hands every other request to the WebSocket handler.
 * The client has to skip verification for this one download ({@code curl -k}), or it can read the CA from
 * {@code --ca-out} or {@code WsChaosServer.caPem()}.
 */
final class CaEndpoint implements Handler<HttpServerRequest> {

  static final String PATH = "/.well-known/wschaos/ca.pem";

  private final String pem;
  private final Handler<HttpServerRequest> next;

  CaEndpoint(String pem, Handler<HttpServerRequest> next) {
    this.pem = pem;
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.method() == HttpMethod.GET && PATH.equals(request.path()) && request.getHeader("Upgrade") == null) {
      request.response().putHeader("Content-Type", "application/x-pem-file").end(pem);
      return;
    }
    next.handle(request);
  }
}
