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
import java.util.Base64;

/**
 * The escape hatch: answer the upgrade with exactly these bytes, {@code text} (UTF-8; in YAML double quotes
 * {@code \r\n} is CRLF) or {@code base64}. {@code close: true} closes TCP right after; otherwise the server keeps
 * the connection until the client leaves (at most 10 s). The status of an HTTP status line at the start is what the
 * journal and the reconnect analytics record.
 *
 * <pre>{@code
 * fault: {type: raw-response, text: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", close: true}
 * fault: {type: raw-response, base64: "SFRUUC8xLjEgMTAxIE9LDQoNCg=="}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("raw-response")
public record RawResponseFault(String text, String base64, Boolean close) implements HandshakeFault {

  @JsonCreator
  public RawResponseFault(@JsonProperty("text") String text, @JsonProperty("base64") String base64,
                          @JsonProperty("close") Boolean close) {
    this.text = text;
    this.base64 = base64;
    this.close = close;
  }

  public static RawResponseFault text(String text) {
    return new RawResponseFault(text, null, null);
  }

  /** The bytes this fault writes. */
  public byte[] bytes() {
    return text != null ? text.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(base64);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    exchange.writeRaw(RawAnswer.of(bytes()).closing(Boolean.TRUE.equals(close)).noting("raw-response"));
  }

  @Override
  public void validate(Problems problems) {
    if ((text == null) == (base64 == null)) {
      problems.error("give exactly one of text (UTF-8) or base64");
      return;
    }
    if (base64 != null) {
      try {
        Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        problems.at("base64").error("is not valid base64: " + e.getMessage());
        return;
      }
    }
    if (bytes().length == 0) {
      problems.at(text != null ? "text" : "base64").error("is empty; use abort to answer nothing");
    }
  }
}
