package dev.wschaos.simulator.matrix;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Closes the columns and the simulator after a matrix run, each within a bound, so one stuck library cannot hang the build. */
final class Cleanup {

  private static final long BOUND_SECONDS = 10;

  private Cleanup() {}

  static void close(List<? extends AutoCloseable> closeables) {
    for (AutoCloseable closeable : closeables) {
      if (closeable == null) {
        continue;
      }
      Thread thread = new Thread(() -> {
        try {
          closeable.close();
        } catch (Exception e) {
          System.err.println("matrix cleanup: " + closeable + " failed to close: " + e);
        }
      }, "matrix-cleanup");
      thread.setDaemon(true);
      thread.start();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        System.err.println("matrix cleanup: " + closeable + " did not close within " + BOUND_SECONDS + " s; left behind");
      }
    }
  }
}
