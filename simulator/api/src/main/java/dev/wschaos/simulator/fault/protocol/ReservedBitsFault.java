package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.WritesRawFrames;
import java.nio.charset.StandardCharsets;

/**
 * Send a text frame with reserved bit RSV1, RSV2 or RSV3 set although no extension was negotiated (the connection
 * is accepted without any): a compliant client fails the connection with 1002 Protocol Error (RFC 6455 5.2).
 *
 * <pre>{@code
 * fault: {type: reserved-bits, rsv: 1}
 * }</pre>
 */
@JsonTypeName("reserved-bits")
public record ReservedBitsFault(int rsv) implements WritesRawFrames {

  @JsonCreator
  public ReservedBitsFault(@JsonProperty("rsv") Integer rsv) {
    this(rsv == null ? 1 : rsv);
  }

  @Override
  public void apply(LiveConnection connection) {
    int bit = 1 << (3 - rsv);
    connection.writeRaw(Frames.frame(true, bit, Frames.TEXT, null,
        ("RSV" + rsv + " set").getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void validate(Problems problems) {
    if (rsv < 1 || rsv > 3) {
      problems.at("rsv").error(rsv + " is out of range: 1, 2 or 3 (RSV1, RSV2, RSV3)");
    }
  }
}
