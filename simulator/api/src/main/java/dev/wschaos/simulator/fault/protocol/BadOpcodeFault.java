package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.WritesRawFrames;
import java.nio.charset.StandardCharsets;

/**
 * Send a frame with a reserved opcode (3-7 for data, 11-15 for control): a compliant client fails the connection
 * with 1002 Protocol Error (RFC 6455 5.2).
 *
 * <pre>{@code
 * fault: {type: bad-opcode, opcode: 3}
 * }</pre>
 */
@JsonTypeName("bad-opcode")
public record BadOpcodeFault(int opcode) implements WritesRawFrames {

  @JsonCreator
  public BadOpcodeFault(@JsonProperty("opcode") Integer opcode) {
    this(opcode == null ? 3 : opcode);
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.writeRaw(Frames.frame(opcode, "reserved opcode".getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void validate(Problems problems) {
    if (!((opcode >= 3 && opcode <= 7) || (opcode >= 11 && opcode <= 15))) {
      problems.at("opcode").error(opcode + " is not a reserved opcode: use 3-7 (data) or 11-15 (control)");
    }
  }
}
