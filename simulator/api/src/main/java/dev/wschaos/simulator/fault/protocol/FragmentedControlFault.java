package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.WritesRawFrames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Send a ping split over two frames (a ping without FIN, then a continuation): control frames must not be
 * fragmented, so a compliant client fails the connection with 1002 Protocol Error (RFC 6455 5.5).
 *
 * <pre>{@code
 * fault: {type: fragmented-control}
 * }</pre>
 */
@JsonTypeName("fragmented-control")
public record FragmentedControlFault() implements WritesRawFrames {

  @JsonCreator
  public FragmentedControlFault {}

  @Override
  public void apply(LiveConnection connection) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Frames.frame(false, 0, Frames.PING, null, "ws".getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(Frames.frame(true, 0, Frames.CONTINUATION, null, "chaos".getBytes(StandardCharsets.UTF_8)));
    connection.writeRaw(out.toByteArray());
  }
}
