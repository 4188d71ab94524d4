package dev.wschaos.simulator.support;

import dev.wschaos.simulator.cli.WsChaosCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The standalone simulator in a JVM of its own, as a user runs it: its output read line by line as it comes, and a
 * SIGTERM sent with kill(1) ({@code Process.destroy()} would also close our end of its output).
 */
public final class SimulatorProcess implements AutoCloseable {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread reader;

  private SimulatorProcess(Process process) {
    this.process = process;
    this.reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
          lines.add(l);
        }
      } catch (IOException e) {
        lines.add("<output closed: " + e.getMessage() + ">");
      }
    }, "simulator-process-output");
    reader.start();
  }

  /** Start {@code java -cp <test classpath> WsChaosCommand args...}. */
  public static SimulatorProcess start(String... args) throws IOException {
    return new SimulatorProcess(new ProcessBuilder(command(args)).start());
  }

  /** Start {@code java -cp <test classpath> WsChaosCommand args...} with these environment variables added. */
  public static SimulatorProcess start(Map<String, String> env, String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(args));
    builder.environment().putAll(env);
    return new SimulatorProcess(builder.start());
  }

  /** Start {@code command}, its log (stderr) read with its output. */
  public static SimulatorProcess startWithLog(List<String> command) throws IOException {
    return new SimulatorProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Start {@code java -jar jar args...}: the shaded jar as users run it. */
  public static SimulatorProcess startJar(Path jar, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    return new SimulatorProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** The command line that runs the simulator's main class with {@code args} on the test classpath. */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WsChaosCommand.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /** The next line of output, or {@code null} after 120 s. */
  public String nextLine() throws InterruptedException {
    return lines.poll(120, TimeUnit.SECONDS);
  }

  /** Send {@code signal} (e.g. {@code INT}, {@code TERM}) and wait for the process to end; whether it did in 20 s. */
  public boolean signal(String signal) throws IOException, InterruptedException {
    if (new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
    }
    boolean ended = process.waitFor(20, TimeUnit.SECONDS);
    reader.join(5000);
    return ended;
  }

  /** Send SIGTERM and wait for the process to end; returns whether it ended within 20 s. */
  public boolean terminate() throws IOException, InterruptedException {
    if (new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor() != 0) {
      throw new IllegalStateException("kill -TERM " + process.pid() + " failed");
    }
    boolean ended = process.waitFor(20, TimeUnit.SECONDS);
    reader.join(5000);
    return ended;
  }

  /** Wait for the process to end by itself (e.g. after {@code --help}); returns whether it ended within 20 s. */
  public boolean awaitExit() throws InterruptedException {
    return waitFor(20);
  }

  /** Wait for the process to end by itself; returns whether it did within {@code seconds}. */
  public boolean waitFor(int seconds) throws InterruptedException {
    boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
    reader.join(5000);
    return ended;
  }

  /** {@code kill -9}: the process gets no chance to flush or clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** Every line read so far. */
  public BlockingQueue<String> lines() {
    return lines;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
