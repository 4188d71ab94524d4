package dev.wschaos.simulator.support;

import io.vertx.core.Vertx;

/** One Vert.x instance for the test clients of every test class in this JVM, closed when the JVM exits. */
public final class TestVertx {

  private static final Vertx SHARED = Vertx.vertx();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SHARED::close, "test-vertx-close"));
  }

  private TestVertx() {}

  public static Vertx shared() {
    return SHARED;
  }
}
