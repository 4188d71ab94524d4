package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.WritesRawFrames;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Send one message of {@code size} bytes (ASCII {@code x}; binary when {@code binary}), in a single frame or in
 * fragments of {@code fragmentSize} bytes: larger than the limit a client states, it must be refused with 1009
 * Message Too Big. Fragments test a message-size limit, a single frame a frame-size limit.
 *
 * <pre>{@code
 * fault: {type: oversize, size: 1048577, fragmentSize: 65536}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("oversize")
public record OversizeFault(int size, boolean binary, Integer fragmentSize) implements WritesRawFrames {

  public static final int MAX_SIZE = 64 * 1024 * 1024;

  @JsonCreator
  public OversizeFault(@JsonProperty(value = "size", required = true) int size,
                       @JsonProperty("binary") Boolean binary,
                       @JsonProperty("fragmentSize") Integer fragmentSize) {
    this(size, binary != null && binary, fragmentSize);
  }

  /** A text message of {@code size} bytes, in fragments of {@code fragmentSize} (one frame when null). */
  public static OversizeFault text(int size, Integer fragmentSize) {
    return new OversizeFault(size, false, fragmentSize);
  }

  /** A text message of {@code size} bytes in one frame. */
  public static OversizeFault text(int size) {
    return text(size, null);
  }

  /** A text message of {@code size} bytes in fragments of {@code fragmentSize} bytes. */
  public static OversizeFault inFragments(int size, int fragmentSize) {
    return text(size, fragmentSize);
  }

  @Override
  public void apply(LiveConnection connection) {
    byte[] payload = new byte[size];
    Arrays.fill(payload, (byte) 'x');
    int opcode = binary ? Frames.BINARY : Frames.TEXT;
    if (fragmentSize == null || fragmentSize >= size) {
      connection.writeRaw(Frames.frame(opcode, payload));
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + size / fragmentSize * 14 + 14);
    for (int offset = 0; offset < size; offset += fragmentSize) {
      int end = Math.min(size, offset + fragmentSize);
      out.writeBytes(Frames.frame(end == size, 0, offset == 0 ? opcode : Frames.CONTINUATION, null,
          Arrays.copyOfRange(payload, offset, end)));
    }
    connection.writeRaw(out.toByteArray());
  }

  @Override
  public void validate(Problems problems) {
    if (size < 1 || size > MAX_SIZE) {
      problems.at("size").error(size + " is out of range: 1 to " + MAX_SIZE + " bytes (64 MiB)");
    }
    if (fragmentSize != null && fragmentSize < 1) {
      problems.at("fragmentSize").error(fragmentSize + " is out of range: at least 1 byte, or leave it out for one frame");
    }
  }
}
