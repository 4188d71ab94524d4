package dev.wschaos.simulator.fault.shaping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import java.time.Duration;

/**
 * Write every frame in TCP chunks of at most {@code chunkBytes}, with {@code pause} between chunks: frames arrive
 * in pieces (even the 2-byte header split), as over mobile networks or through proxies that forward what they have.
 * A correct client reassembles them; a client that assumes one read is one frame breaks.
 *
 * <pre>{@code
 * fault: {type: slice, chunkBytes: 3, pause: 20ms}
 * }</pre>
 */
@JsonTypeName("slice")
public record SliceFault(int chunkBytes, Duration pause) implements ConnectionFault {

  @JsonCreator
  public SliceFault(@JsonProperty("chunkBytes") Integer chunkBytes, @JsonProperty("pause") Duration pause) {
    this(chunkBytes == null ? 1 : chunkBytes, pause == null ? Duration.ofMillis(10) : pause);
  }

  /** Frames in TCP chunks of at most {@code chunkBytes}, {@code pause} apart. */
  public static SliceFault of(int chunkBytes, Duration pause) {
    return new SliceFault(chunkBytes, pause);
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.sliceWrites(chunkBytes, pause);
  }

  @Override
  public void validate(Problems problems) {
    if (chunkBytes < 1) {
      problems.at("chunkBytes").error(chunkBytes + " is out of range: at least 1 byte");
    }
    if (pause.isNegative() || pause.compareTo(Duration.ofSeconds(10)) > 0) {
      problems.at("pause").error("is out of range: 0 to 10s");
    }
  }
}
