package dev.wschaos.simulator.fault.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** WebSocket frames as bytes (RFC 6455 5.2), including the ones a correct server never sends. */
public final class Frames {

  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;

  private Frames() {}

  /**
   * One frame. {@code rsv} is the three reserved bits (4 = RSV1, 2 = RSV2, 1 = RSV3); {@code maskKey} is four bytes
   * to mask the payload with (setting the mask bit), or null.
   */
  public static byte[] frame(boolean fin, int rsv, int opcode, byte[] maskKey, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 14);
    out.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode & 0xf);
    int maskBit = maskKey == null ? 0 : 0x80;
    if (payload.length < 126) {
      out.write(maskBit | payload.length);
    } else if (payload.length <= 0xffff) {
      out.write(maskBit | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(maskBit | 127);
      long length = payload.length;
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >> shift) & 0xff);
      }
    }
    if (maskKey == null) {
      out.write(payload, 0, payload.length);
    } else {
      out.write(maskKey, 0, 4);
      for (int i = 0; i < payload.length; i++) {
        out.write(payload[i] ^ maskKey[i % 4]);
      }
    }
    return out.toByteArray();
  }

  /** A final, unmasked frame with no reserved bit set. */
  public static byte[] frame(int opcode, byte[] payload) {
    return frame(true, 0, opcode, null, payload);
  }

  /** A close frame with a code and a UTF-8 reason. */
  public static byte[] close(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    return frame(CLOSE, payload);
  }
}
