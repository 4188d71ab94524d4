package dev.wschaos.simulator.server;

import dev.wschaos.simulator.engine.StrictHandshake;
import dev.wschaos.simulator.fault.UpgradeRequest;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/** An upgrade request read from Vert.x, with the client identity and attempt number the server assigned it. */
final class VertxUpgradeRequest implements UpgradeRequest, StrictHandshake.Request {

  static final String CLIENT_ID_PARAM = "clientId";
  static final String CLIENT_ID_HEADER = "X-Client-Id";

  private final HttpServerRequest request;
  private final String clientId;
  private String path;
  private String remoteAddress;
  private int attempt;

  VertxUpgradeRequest(HttpServerRequest request) {
    this.request = request;
    String fromQuery = QueryParam.first(request, CLIENT_ID_PARAM);
    String id = fromQuery != null && !fromQuery.isBlank() ? fromQuery : request.getHeader(CLIENT_ID_HEADER);
    this.clientId = id == null || id.isBlank() ? null : id.trim();
  }

  void attempt(int number) {
    this.attempt = number;
  }

  /** The query string as the client sent it (not decoded), or null. */
  String rawQuery() {
    return request.query();
  }

  String remoteHost() {
    var remote = request.remoteAddress();
    return remote == null ? "unknown" : remote.host();
  }

  @Override
  public String path() {
    if (path == null) {
      String parsed = request.path();
      path = parsed == null ? "/" : parsed;
    }
    return path;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public String queryParam(String name) {
    return QueryParam.first(request, name);
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String httpVersion() {
    return switch (request.version()) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2 -> "HTTP/2";
    };
  }

  @Override
  public List<String> headers(String name) {
    return request.headers().getAll(name);
  }

  @Override
  public List<String> offeredSubprotocols() {
    List<String> offered = new ArrayList<>();
    for (String value : request.headers().getAll("Sec-WebSocket-Protocol")) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          offered.add(part.trim());
        }
      }
    }
    return offered;
  }

  @Override
  public String remoteAddress() {
    if (remoteAddress == null) {
      remoteAddress = String.valueOf(request.remoteAddress());
    }
    return remoteAddress;
  }

  @Override
  public String toString() {
    return method() + " " + request.uri() + (clientId == null ? "" : " client " + clientId) + " attempt " + attempt;
  }
}
