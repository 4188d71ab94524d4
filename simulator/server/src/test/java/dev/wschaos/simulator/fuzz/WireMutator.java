package dev.wschaos.simulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Blind mutations for the network fuzzer: seeds (the committed corpora of upgrade heads and client frames) changed by
 * one to four stacked edits (bit flips, byte values the parsers care about, inserted, deleted, duplicated and spliced
 * ranges, truncation), and frame streams made of freshly generated frames (any opcode, FIN, RSV bits, mask or none,
 * each length encoding, lengths that lie). One instance per thread: not thread-safe.
 */
final class WireMutator {

  private static final byte[] INTERESTING = {0x00, 0x01, 0x7d, 0x7e, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x88,
      (byte) 0x89, (byte) 0xff, '\r', '\n', ':', ',', ' ', '%', '?', '/'};

  private final SplittableRandom random;
  private final List<byte[]> heads;
  private final List<byte[]> frames;

  WireMutator(long seed, List<byte[]> heads, List<byte[]> frames) {
    this.random = new SplittableRandom(seed);
    this.heads = heads;
    this.frames = frames;
  }

  /** The files of a corpus directory on the test class path ({@code fuzz/NAMEInputs/method/}). */
  static List<byte[]> corpus(String directory) {
    URL url = WireMutator.class.getResource(directory);
    if (url == null) {
      throw new IllegalStateException("no corpus " + directory + " on the class path");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<byte[]> seeds = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          seeds.add(in.readAllBytes());
        }
      }
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] upgradeHead() {
    return mutate(pick(heads), heads);
  }

  byte[] frameStream() {
    if (random.nextInt(3) == 0) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = random.nextInt(1, 6); i > 0; i--) {
        out.writeBytes(frame());
      }
      return out.toByteArray();
    }
    return mutate(pick(frames), frames);
  }

  private byte[] pick(List<byte[]> seeds) {
    return seeds.get(random.nextInt(seeds.size()));
  }

  private byte[] mutate(byte[] seed, List<byte[]> others) {
    byte[] data = seed;
    for (int edits = random.nextInt(1, 5); edits > 0; edits--) {
      data = edit(data, others);
    }
    return data;
  }

  private byte[] edit(byte[] data, List<byte[]> others) {
    int at = data.length == 0 ? 0 : random.nextInt(data.length);
    switch (random.nextInt(8)) {
      case 0:
        if (data.length > 0) {
          data = data.clone();
          data[at] ^= (byte) (1 << random.nextInt(8));
        }
        return data;
      case 1:
        if (data.length > 0) {
          data = data.clone();
          data[at] = INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return data;
      case 2:
        return splice(data, at, at, randomBytes(random.nextInt(1, 9)));
      case 3:
        return splice(data, at, Math.min(data.length, at + random.nextInt(1, 17)), new byte[0]);
      case 4:
        int end = Math.min(data.length, at + random.nextInt(1, 65));
        return splice(data, at, at, Arrays.copyOfRange(data, at, end));
      case 5:
        byte[] other = pick(others);
        int from = other.length == 0 ? 0 : random.nextInt(other.length);
        return splice(data, at, data.length, Arrays.copyOfRange(other, from, other.length));
      case 6:
        return Arrays.copyOf(data, at);
      default:
        return splice(data, at, at, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]});
    }
  }

  /** One client frame: any opcode, FIN and RSV bits, masked or not, an honest or lying length in any encoding. */
  private byte[] frame() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int opcode = random.nextInt(4) == 0 ? random.nextInt(16) : new int[] {0, 1, 2, 8, 9, 10}[random.nextInt(6)];
    int rsv = random.nextInt(8) == 0 ? random.nextInt(1, 8) : 0;
    boolean fin = random.nextInt(4) != 0;
    boolean masked = random.nextInt(16) != 0;
    byte[] payload = random.nextInt(4) == 0 ? randomUtf8(random.nextInt(200)) : randomBytes(random.nextInt(
        random.nextInt(8) == 0 ? 6000 : 130));
    if (opcode == 8 && payload.length >= 2 && random.nextBoolean()) {
      int code = new int[] {1000, 1001, 1002, 1005, 1006, 1015, 999, 2999, 3000, 4999, 5000}[random.nextInt(11)];
      payload[0] = (byte) (code >> 8);
      payload[1] = (byte) code;
    }
    long length = random.nextInt(8) == 0 ? random.nextLong(0, 1L << 40) : payload.length;
    out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int form = length > 65535 || random.nextInt(16) == 0 ? 127 : length > 125 || random.nextInt(16) == 0 ? 126 : 0;
    int maskBit = masked ? 0x80 : 0;
    if (form == 0) {
      out.write(maskBit | (int) length);
    } else if (form == 126) {
      out.write(maskBit | 126);
      out.write((int) (length >> 8) & 0xff);
      out.write((int) length & 0xff);
    } else {
      out.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >> shift) & 0xff);
      }
    }
    byte[] mask = randomBytes(4);
    if (masked) {
      out.writeBytes(mask);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private byte[] randomUtf8(int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int kind = random.nextInt(4);
      text.appendCodePoint(kind == 0 ? random.nextInt(0x20, 0x7f) : kind == 1 ? random.nextInt(0x80, 0x800)
          : kind == 2 ? random.nextInt(0x800, 0xd800) : random.nextInt(0x10000, 0x10ffff));
    }
    byte[] utf8 = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (utf8.length > 0 && random.nextInt(4) == 0) {
      utf8[random.nextInt(utf8.length)] = (byte) (0x80 | random.nextInt(0x80));
    }
    return utf8;
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
    byte[] out = new byte[data.length - (to - from) + insert.length];
    System.arraycopy(data, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(data, to, out, from + insert.length, data.length - to);
    return out;
  }
}
