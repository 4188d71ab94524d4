package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.WritesRawFrames;

/**
 * Send a text frame whose payload is not valid UTF-8 ({@code 0xC3 0x28}: a lead byte followed by a non-continuation
 * byte). A compliant client fails the connection with 1007 Invalid Frame Payload Data (RFC 6455 8.1).
 *
 * <pre>{@code
 * fault: {type: invalid-utf8}
 * }</pre>
 */
@JsonTypeName("invalid-utf8")
public record InvalidUtf8Fault() implements WritesRawFrames {

  static final byte[] PAYLOAD = {'w', 's', 'c', 'h', 'a', 'o', 's', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF};

  @JsonCreator
  public InvalidUtf8Fault {}

  @Override
  public void apply(LiveConnection connection) {
    connection.writeRaw(Frames.frame(Frames.TEXT, PAYLOAD));
  }
}
