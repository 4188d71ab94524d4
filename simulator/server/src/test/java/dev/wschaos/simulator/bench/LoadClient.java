package dev.wschaos.simulator.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load side of the benchmarks, run as a process of its own ({@link LoadClientProcess}) so that the servers
 * measured do not share a JVM (heap, GC, JIT, threads) with their clients, or in the same JVM
 * ({@link OverheadBenchmark}). Reads one command a line on stdin, answers one line on stdout ({@code ok ...} or
 * {@code error ...}):
 *
 * <pre>
 *   echo PORT CONNECTIONS MESSAGES    -> ok ROUND_TRIPS_PER_SECOND
 *   rtt PORT MESSAGES                 -> ok P50_MICROS P99_MICROS
 *   handshakes PORT CONCURRENCY COUNT -> ok HANDSHAKES_PER_SECOND   (connect + close)
 *   hold PORT COUNT                   -> ok OPENED                  (kept open until release)
 *   release                           -> ok
 * </pre>
 */
public final class LoadClient {

  private static final long WAIT_SECONDS = 120;

  private final WebSocketClient client;
  private final List<WebSocket> held = new ArrayList<>();

  LoadClient(Vertx vertx) {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setConnectTimeout(20_000));
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    LoadClient load = new LoadClient(vertx);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
      String answer;
      try {
        answer = "ok " + load.run(line.trim().split(" +"));
      } catch (Exception e) {
        answer = "error " + e;
      }
      System.out.println(answer);
      System.out.flush();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private String run(String[] cmd) throws Exception {
    return switch (cmd[0]) {
      case "echo" -> format(echo(port(cmd), Integer.parseInt(cmd[2]), Integer.parseInt(cmd[3])));
      case "rtt" -> rtt(port(cmd), Integer.parseInt(cmd[2]));
      case "handshakes" -> format(handshakes(port(cmd), Integer.parseInt(cmd[2]), Integer.parseInt(cmd[3])));
      case "hold" -> Integer.toString(hold(port(cmd), Integer.parseInt(cmd[2])));
      case "release" -> release();
      default -> throw new IllegalArgumentException("unknown command " + cmd[0]);
    };
  }

  private static int port(String[] cmd) {
    return Integer.parseInt(cmd[1]);
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Round trips per second: each of {@code connections} sends and awaits its echo {@code messages} times. */
  double echo(int port, int connections, int messages) throws Exception {
    List<WebSocket> sockets = connectAll(port, "echo", connections);
    List<Future<Void>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (WebSocket ws : sockets) {
      Promise<Void> finished = Promise.promise();
      AtomicInteger left = new AtomicInteger(messages);
      ws.textMessageHandler(echo -> {
        if (left.decrementAndGet() == 0) {
          finished.complete();
        } else {
          ws.writeTextMessage("tick");
        }
      });
      ws.writeTextMessage("tick");
      done.add(finished.future());
    }
    Future.all(done).await(WAIT_SECONDS, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    closeAll(sockets);
    return connections * (double) messages / seconds;
  }

  private String rtt(int port, int messages) throws Exception {
    WebSocket ws = client.connect(options(port, "/?clientId=rtt")).await(20, TimeUnit.SECONDS);
    long[] nanos = new long[messages];
    long[] sentAt = {0};
    AtomicInteger n = new AtomicInteger();
    Promise<Void> finished = Promise.promise();
    ws.textMessageHandler(echo -> {
      int i = n.getAndIncrement();
      nanos[i] = System.nanoTime() - sentAt[0];
      if (i + 1 == messages) {
        finished.complete();
      } else {
        sentAt[0] = System.nanoTime();
        ws.writeTextMessage("ping");
      }
    });
    sentAt[0] = System.nanoTime();
    ws.writeTextMessage("ping");
    finished.future().await(WAIT_SECONDS, TimeUnit.SECONDS);
    ws.close().await(10, TimeUnit.SECONDS);
    Arrays.sort(nanos);
    return (nanos[messages / 2] / 1000) + " " + (nanos[(int) Math.min(messages - 1, messages * 0.99)] / 1000);
  }

  /** Upgrades per second: {@code count} connects + closes, {@code concurrency} at a time. */
  double handshakes(int port, int concurrency, int count) throws Exception {
    AtomicInteger started = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    long start = System.nanoTime();
    for (int lane = 0; lane < concurrency; lane++) {
      lanes.add(lane(port, started, count));
    }
    Future.all(lanes).await(WAIT_SECONDS, TimeUnit.SECONDS);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private Future<Void> lane(int port, AtomicInteger started, int count) {
    int n = started.getAndIncrement();
    if (n >= count) {
      return Future.succeededFuture();
    }
    return client.connect(options(port, "/?clientId=h-" + (n % 1000)))
        .compose(WebSocket::close)
        .compose(v -> lane(port, started, count));
  }

  private int hold(int port, int count) throws Exception {
    held.addAll(connectAll(port, "held", count));
    return held.size();
  }

  private String release() throws Exception {
    closeAll(held);
    held.clear();
    return "released";
  }

  private List<WebSocket> connectAll(int port, String prefix, int count) throws Exception {
    List<Future<WebSocket>> connecting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      connecting.add(client.connect(options(port, "/?clientId=" + prefix + "-" + i)));
    }
    Future.all(connecting).await(WAIT_SECONDS, TimeUnit.SECONDS);
    return connecting.stream().map(Future::result).toList();
  }

  private static void closeAll(List<WebSocket> sockets) throws Exception {
    Future.join(sockets.stream().map(WebSocket::close).toList()).await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static WebSocketConnectOptions options(int port, String uri) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri).setAllowOriginHeader(false)
        .setTimeout(20_000);
  }
}
