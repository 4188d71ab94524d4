package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.RawAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answer {@code 101 Switching Protocols} with a correct {@code Sec-WebSocket-Accept} but something else broken, as a
 * proxy or framework in the way does: {@code omit} leaves out {@code Upgrade}, {@code Connection} or
 * {@code Sec-WebSocket-Accept}; {@code headers} replaces or adds values ({@code Upgrade: h2c},
 * {@code Connection: keep-alive}); {@code version: HTTP/1.0} changes the status line; {@code body} follows the head
 * with bytes that are no WebSocket frame (an HTML page). No WebSocket follows; the server closes TCP when the client
 * does, or after 10 s.
 *
 * <pre>{@code
 * fault: {type: mangled-upgrade, omit: [Upgrade]}
 * fault: {type: mangled-upgrade, headers: {Upgrade: h2c}}
 * fault: {type: mangled-upgrade, body: "<html><body>Welcome</body></html>"}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonTypeName("mangled-upgrade")
public record MangledUpgradeFault(List<String> omit, Map<String, String> headers, String version, String body)
    implements HandshakeFault {

  private static final Set<String> OMITTABLE = Set.of("upgrade", "connection", "sec-websocket-accept");
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  @JsonCreator
  public MangledUpgradeFault(@JsonProperty("omit") List<String> omit,
                             @JsonProperty("headers") Map<String, String> headers,
                             @JsonProperty("version") String version,
                             @JsonProperty("body") String body) {
    this.omit = omit == null ? List.of() : List.copyOf(omit);
    this.headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.version = version;
    this.body = body;
  }

  public static MangledUpgradeFault omitting(String... headers) {
    return new MangledUpgradeFault(List.of(headers), null, null, null);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    String key = exchange.request().header("Sec-WebSocket-Key");
    Map<String, String> standard = new LinkedHashMap<>();
    standard.put("Upgrade", "websocket");
    standard.put("Connection", "Upgrade");
    if (key != null) {
      standard.put("Sec-WebSocket-Accept", accept(key.trim()));
    }
    HttpHead head = HttpHead.of(version, 101, null).headers(headers).headers(standard);
    omit.forEach(head::without);
    byte[] bytes = head.bytes(null);
    if (body != null) {
      byte[] extra = body.getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[bytes.length + extra.length];
      System.arraycopy(bytes, 0, all, 0, bytes.length);
      System.arraycopy(extra, 0, all, bytes.length, extra.length);
      bytes = all;
    }
    exchange.writeRaw(new RawAnswer(bytes, false, 101, "mangled-upgrade" + describe()));
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    omit.forEach(h -> out.append(" without ").append(h));
    headers.forEach((name, value) -> out.append(' ').append(name).append(": ").append(value));
    if (version != null) {
      out.append(' ').append(version);
    }
    if (body != null) {
      out.append(" with a ").append(body.length()).append(" byte body");
    }
    return out.toString();
  }

  /** The {@code Sec-WebSocket-Accept} RFC 6455 requires for {@code key}. */
  static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  @Override
  public void validate(Problems problems) {
    if (omit.isEmpty() && headers.isEmpty() && version == null && body == null) {
      problems.error("nothing to mangle: give omit (Upgrade, Connection, Sec-WebSocket-Accept), headers "
          + "(e.g. {Upgrade: h2c}), version (HTTP/1.0) or body");
    }
    for (int i = 0; i < omit.size(); i++) {
      if (!OMITTABLE.contains(omit.get(i).toLowerCase(Locale.ROOT))) {
        problems.at("omit").at(i).error("'" + omit.get(i) + "' cannot be omitted; allowed: Upgrade, Connection, "
            + "Sec-WebSocket-Accept");
      }
    }
    HttpHead.checkVersion(version, problems);
    HttpHead.checkHeaders(headers, problems);
    if (body != null && body.isEmpty()) {
      problems.at("body").error("is empty; leave it out for a 101 with nothing after its head");
    }
  }
}
