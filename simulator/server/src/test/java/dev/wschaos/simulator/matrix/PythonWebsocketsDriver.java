package dev.wschaos.simulator.matrix;

import static dev.wschaos.simulator.support.Commands.runs;

import java.nio.file.Path;
import java.util.List;

/**
 * Python's {@code websockets} (Debian's {@code python3-websockets}, used with {@code /usr/bin/python3}, since the
 * PATH's python3 may be another without it): {@code src/test/python/matrix_websockets.py} runs every cell in one
 * process with the asyncio client. Events: {@code connect failed}, {@code open}, {@code pong}, {@code recv},
 * {@code recv raised} (final, with the exception that carries the close code and reason). Unavailable, saying how to
 * install, without the package.
 */
final class PythonWebsocketsDriver extends ScriptDriver {

  private static final String PYTHON = "/usr/bin/python3";

  PythonWebsocketsDriver() {
    String whyNot = runs(Path.of("."), PYTHON, "-c", "import websockets") ? null
        : "no Python websockets for " + PYTHON + "; install it with: sudo apt-get install -y python3-websockets";
    start(whyNot, Path.of("src/test/python"), List.of(PYTHON, "-u", "matrix_websockets.py"));
  }

  @Override
  public String id() {
    return "python-websockets";
  }

  @Override
  public String title() {
    return "Python " + library("websockets");
  }
}
