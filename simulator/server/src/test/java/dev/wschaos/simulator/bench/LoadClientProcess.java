package dev.wschaos.simulator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoadClient} in a JVM of its own (512 MiB heap, this JVM's class path), asked one command at a time.
 *
 * <pre>{@code
 * try (LoadClientProcess load = LoadClientProcess.start()) {
 *   double perSecond = load.askNumber("handshakes " + port + " 20 2000", 0);
 * }
 * }</pre>
 */
final class LoadClientProcess implements AutoCloseable {

  private final Process process;
  private final PrintWriter in;
  private final BufferedReader out;

  private LoadClientProcess(Process process) {
    this.process = process;
    this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static LoadClientProcess start() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new LoadClientProcess(new ProcessBuilder(java.toString(), "-Xmx512m", "-cp",
        System.getProperty("java.class.path"), LoadClient.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** The answer to {@code command} after its {@code ok}; fails on an error or a load client that went away. */
  String ask(String command) throws IOException {
    in.println(command);
    String answer = out.readLine();
    if (answer == null || !answer.startsWith("ok ")) {
      throw new IllegalStateException("load client: " + command + " -> " + answer);
    }
    return answer.substring(3);
  }

  /** The {@code index}th number of the answer to {@code command}. */
  double askNumber(String command, int index) throws IOException {
    return number(ask(command), index);
  }

  static double number(String answer, int index) {
    return Double.parseDouble(answer.split(" ")[index]);
  }

  @Override
  public void close() throws Exception {
    try {
      in.println("quit");
      in.close();
      out.close();
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
