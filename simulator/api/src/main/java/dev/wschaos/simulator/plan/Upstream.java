package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wschaos.simulator.common.Glob;
import dev.wschaos.simulator.common.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A real service that upgrades matching {@code path} are forwarded to (proxy mode): the simulator opens a WebSocket
 * to {@code url} + the client's path and query, offering the client's subprotocols and the {@code forwardHeaders},
 * and relays messages both ways; the plan's rules then inject faults into the live session. Only upstreams a plan
 * names are ever contacted.
 *
 * <pre>{@code
 * upstreams:
 *   - url: ws://127.0.0.1:9000            # client path /chat/room1 -> ws://127.0.0.1:9000/chat/room1
 *     match: {path: "/chat/*"}
 *     forwardHeaders: [Authorization, Cookie]
 *     connectTimeout: 5s
 *     tls: {trust: jdk}                   # for wss:// urls
 * }</pre>
 *
 * @param url            {@code ws://} or {@code wss://} host, port and optional base path (no query)
 * @param match          which upgrade paths go to this upstream (a glob, default {@code *}: every path)
 * @param forwardHeaders request headers copied to the upstream (default {@code Authorization}, {@code Cookie});
 *                       the subprotocol offer and the query always are
 * @param connectTimeout how long the upstream may take to answer the upgrade, TCP and TLS included (default 5s);
 *                       past it the client gets 504
 * @param tls            how a {@code wss://} upstream's certificate is checked (default: the JDK's trust store)
 */
@JsonPropertyOrder({"url", "match", "forwardHeaders", "connectTimeout", "tls"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Upstream(String url, PathMatch match, List<String> forwardHeaders, Duration connectTimeout,
                       UpstreamTls tls) {

  public static final List<String> DEFAULT_HEADERS = List.of("Authorization", "Cookie");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final List<String> NEVER_FORWARDED = List.of("host", "connection", "upgrade", "sec-websocket-key",
      "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions", "content-length",
      "transfer-encoding");

  /** Which upgrade paths an upstream takes: a glob on the path without the query. */
  public record PathMatch(String path) {
    public static final PathMatch ANY = new PathMatch("*");

    @JsonCreator
    public PathMatch(@JsonProperty("path") String path) {
      this.path = path == null ? "*" : path;
    }
  }

  @JsonCreator
  public Upstream(
      @JsonProperty(value = "url", required = true) String url,
      @JsonProperty("match") PathMatch match,
      @JsonProperty("forwardHeaders") List<String> forwardHeaders,
      @JsonProperty("connectTimeout") Duration connectTimeout,
      @JsonProperty("tls") UpstreamTls tls) {
    this.url = url;
    this.match = match == null ? PathMatch.ANY : match;
    this.forwardHeaders = forwardHeaders == null ? DEFAULT_HEADERS : List.copyOf(forwardHeaders);
    this.connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    this.tls = tls == null ? UpstreamTls.JDK : tls;
  }

  /** Every path to {@code url}, with the default headers, timeout and trust. */
  public static Upstream to(String url) {
    return new Upstream(url, null, null, null, null);
  }

  public Upstream forPath(String glob) {
    return new Upstream(url, new PathMatch(glob), forwardHeaders, connectTimeout, tls);
  }

  public Upstream withForwardHeaders(List<String> names) {
    return new Upstream(url, match, names, connectTimeout, tls);
  }

  public Upstream withConnectTimeout(Duration value) {
    return new Upstream(url, match, forwardHeaders, value, tls);
  }

  public Upstream withTls(UpstreamTls value) {
    return new Upstream(url, match, forwardHeaders, connectTimeout, value);
  }

  /** Whether an upgrade to {@code path} goes to this upstream. */
  public boolean matches(String path) {
    return Glob.compile(match.path()).matcher(path == null ? "" : path).matches();
  }

  /** The parsed url; only meaningful on a valid upstream. */
  public URI uri() {
    return URI.create(url);
  }

  void validate(Problems problems) {
    if (url == null || url.isBlank()) {
      problems.at("url").error("is required: ws://host:port or wss://host:port, optionally with a base path");
    } else {
      validateUrl(problems.at("url"));
    }
    if (match.path().isBlank()) {
      problems.at("match").at("path").error("must not be empty: a path glob such as /chat/* (or * for every path)");
    }
    for (int i = 0; i < forwardHeaders.size(); i++) {
      String name = forwardHeaders.get(i);
      if (name == null || name.isBlank() || !Pattern.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+", name)) {
        problems.at("forwardHeaders").at(i).error("'" + name + "' is not an HTTP header name");
      } else if (NEVER_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        problems.at("forwardHeaders").at(i).error(name + " belongs to the handshake itself and is never copied; "
            + "the subprotocol offer is always forwarded");
      }
    }
    if (connectTimeout.isNegative() || connectTimeout.toMillis() < 1) {
      problems.at("connectTimeout").error("must be at least 1ms");
    }
    tls.validate(problems.at("tls"));
  }

  private void validateUrl(Problems at) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      at.error("'" + url + "' is not a URL: " + e.getReason());
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      at.error("'" + url + "' must start with ws:// or wss://");
    } else if (uri.getHost() == null) {
      at.error("'" + url + "' names no host");
    } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      at.error("'" + url + "' must not have a query or fragment: the client's query is forwarded");
    }
  }
}
