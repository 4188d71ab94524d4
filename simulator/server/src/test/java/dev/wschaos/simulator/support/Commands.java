package dev.wschaos.simulator.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Outside programs the tests need (node, npm, python3, certutil), run to see whether they work here.
 *
 * <pre>{@code
 * Assumptions.assumeTrue(Commands.runs(Path.of("."), "node", "--version"), "node is not installed");
 * }</pre>
 */
public final class Commands {

  private Commands() {}

  /** True when {@code command} runs in {@code dir} and exits 0 within two minutes; its output is discarded. */
  public static boolean runs(Path dir, String... command) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
