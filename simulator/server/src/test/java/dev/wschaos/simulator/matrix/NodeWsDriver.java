package dev.wschaos.simulator.matrix;

import static dev.wschaos.simulator.support.Commands.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Node's {@code ws} (pinned by {@code src/test/node/matrix-ws/package-lock.json}, installed into
 * {@code target/matrix-ws} with {@code npm ci}): {@code driver.mjs} runs every cell in one node process. Events are
 * ws's own ({@code open}, {@code pong}, {@code message}, {@code error}, {@code close code reason}); {@code close} is
 * final. Unavailable, saying how to install, without node/npm or when {@code npm ci} fails.
 */
final class NodeWsDriver extends ScriptDriver {

  private static final Path SOURCE = Path.of("src/test/node/matrix-ws");
  private static final Path WORK = Path.of("target/matrix-ws");

  NodeWsDriver() {
    start(prepare(), WORK, List.of("node", "driver.mjs"));
  }

  @Override
  public String id() {
    return "node-ws";
  }

  @Override
  public String title() {
    return "Node " + library("ws");
  }

  private static String prepare() {
    if (!runs(Path.of("."), "node", "--version") || !runs(Path.of("."), "npm", "--version")) {
      return "node/npm not installed; install them with: sudo apt-get install -y nodejs npm";
    }
    try {
      Files.createDirectories(WORK);
      for (String file : List.of("package.json", "package-lock.json", "driver.mjs")) {
        Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.isDirectory(WORK.resolve("node_modules/ws"))
        && !runs(WORK, "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")) {
      return "npm ci failed in " + WORK + " (is the npm registry reachable?)";
    }
    return null;
  }
}
