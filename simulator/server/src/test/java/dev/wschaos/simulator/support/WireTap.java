package dev.wschaos.simulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.OptionalInt;

/**
 * A loopback TCP relay between one client and the simulator that records what the client sends, so a test can read
 * the close frame a client library put on the wire (libraries report their own close code only to themselves).
 *
 * <pre>
 *   client --> WireTap (records client bytes) --> simulator
 * </pre>
 */
public final class WireTap implements AutoCloseable {

  private final ServerSocket listener;
  private final URI target;
  private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
  private volatile Socket client;
  private volatile Socket server;

  private WireTap(URI target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::relayOne, "wiretap-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Relay the first connection made to {@link #url} to {@code target}. */
  public static WireTap to(URI target) throws IOException {
    return new WireTap(target);
  }

  /** The tap's own URL, with the target's path and query. */
  public URI url() {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + target.getRawPath()
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
  }

  /** The status code of the first close frame the client sent, if it sent one yet. */
  public OptionalInt clientCloseCode() {
    byte[] bytes;
    synchronized (fromClient) {
      bytes = fromClient.toByteArray();
    }
    int pos = headerEnd(bytes);
    while (pos >= 0 && pos + 2 <= bytes.length) {
      int opcode = bytes[pos] & 0x0f;
      boolean masked = (bytes[pos + 1] & 0x80) != 0;
      long length = bytes[pos + 1] & 0x7f;
      int cursor = pos + 2;
      if (length == 126) {
        if (cursor + 2 > bytes.length) {
          break;
        }
        length = ((bytes[cursor] & 0xff) << 8) | (bytes[cursor + 1] & 0xff);
        cursor += 2;
      } else if (length == 127) {
        if (cursor + 8 > bytes.length) {
          break;
        }
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | (bytes[cursor + i] & 0xff);
        }
        cursor += 8;
      }
      byte[] mask = new byte[4];
      if (masked) {
        if (cursor + 4 > bytes.length) {
          break;
        }
        System.arraycopy(bytes, cursor, mask, 0, 4);
        cursor += 4;
      }
      if (cursor + length > bytes.length) {
        break;
      }
      if (opcode == 0x8 && length >= 2) {
        int b0 = (bytes[cursor] ^ mask[0]) & 0xff;
        int b1 = (bytes[cursor + 1] ^ mask[1]) & 0xff;
        return OptionalInt.of(b0 << 8 | b1);
      }
      pos = (int) (cursor + length);
    }
    return OptionalInt.empty();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : new Socket[] {client, server}) {
      if (socket != null) {
        socket.close();
      }
    }
  }

  private void relayOne() {
    try {
      client = listener.accept();
      server = new Socket(target.getHost(), target.getPort());
      pump(server.getInputStream(), client, null);
      pump(client.getInputStream(), server, fromClient);
    } catch (IOException e) {
      // the tap was closed
    }
  }

  private void pump(InputStream in, Socket to, ByteArrayOutputStream record) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        OutputStream out = to.getOutputStream();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (record != null) {
            synchronized (record) {
              record.write(buffer, 0, n);
            }
          }
          out.write(buffer, 0, n);
          out.flush();
        }
        to.shutdownOutput();
      } catch (IOException e) {
        // one side went away
      }
    }, "wiretap-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private static int headerEnd(byte[] bytes) {
    for (int i = 3; i < bytes.length; i++) {
      if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }
}
