package dev.wschaos.simulator.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * One message the server sends: a text template, or binary bytes given in base64, optionally after a delay counted
 * from the moment the message it answers arrived (or the connection opened). A plain string is a text message.
 *
 * <pre>{@code
 * reply:
 *   - '{"type":"ack","id":"{{message.id}}"}'
 *   - {text: '{"type":"late"}', delay: 200ms}
 *   - {binary: AAEC/w==}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Reply {

  private final MessageTemplate text;
  private final String binary;
  private final Duration delay;
  private final byte[] bytes;
  private final String binaryError;

  @JsonCreator
  public Reply(
      @JsonProperty("text") MessageTemplate text,
      @JsonProperty("binary") String binary,
      @JsonProperty("delay") Duration delay) {
    this.text = text;
    this.binary = binary;
    this.delay = delay;
    byte[] decoded = null;
    String error = null;
    if (binary != null) {
      try {
        decoded = Base64.getDecoder().decode(binary.strip());
      } catch (IllegalArgumentException e) {
        error = "not base64: " + e.getMessage();
      }
    }
    this.bytes = decoded;
    this.binaryError = error;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Reply text(String template) {
    return new Reply(MessageTemplate.of(template), null, null);
  }

  public static Reply binary(byte[] data) {
    return new Reply(null, Base64.getEncoder().encodeToString(data), null);
  }

  public Reply after(Duration newDelay) {
    return new Reply(text, binary, newDelay);
  }

  @JsonProperty public MessageTemplate text() { return text; }
  @JsonProperty public String binary() { return binary; }
  @JsonProperty public Duration delay() { return delay; }

  /** The decoded bytes of a binary reply, null for text. */
  @JsonIgnore
  public byte[] bytes() {
    return bytes;
  }

  public void validate(Problems problems, Set<String> variables) {
    if ((text == null) == (binary == null)) {
      problems.error("set one of text (a template) or binary (base64)");
    }
    if (text != null) {
      text.validate(problems.at("text"), variables);
    }
    if (binaryError != null) {
      problems.at("binary").error(binaryError);
    }
    if (delay != null && delay.isNegative()) {
      problems.at("delay").error("a delay cannot be negative");
    }
  }

  @Override
  public String toString() {
    return text != null ? text.source() : "binary " + binary;
  }
}
