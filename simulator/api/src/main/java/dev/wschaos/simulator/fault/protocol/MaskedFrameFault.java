package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.WritesRawFrames;
import java.nio.charset.StandardCharsets;

/**
 * Send a text frame with the mask bit set, as only clients may (RFC 6455 5.1): a compliant client fails the
 * connection, with 1002 Protocol Error.
 *
 * <pre>{@code
 * fault: {type: masked-frame, text: "hello"}
 * }</pre>
 */
@JsonTypeName("masked-frame")
public record MaskedFrameFault(String text) implements WritesRawFrames {

  @JsonCreator
  public MaskedFrameFault(@JsonProperty("text") String text) {
    this.text = text == null ? "masked by the server" : text;
  }

  @Override
  public void apply(LiveConnection connection) {
    byte[] key = new byte[4];
    connection.random().nextBytes(key);
    connection.writeRaw(Frames.frame(true, 0, Frames.TEXT, key, text.getBytes(StandardCharsets.UTF_8)));
  }
}
