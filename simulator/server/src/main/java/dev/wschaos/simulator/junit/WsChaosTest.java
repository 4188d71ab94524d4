package dev.wschaos.simulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one wschaos simulator for the test class (127.0.0.1, a free port), resets its rules and client attempt counts
 * before each test, and injects {@link WsChaosRuntimeInfo}, {@link dev.wschaos.simulator.dsl.Chaos} or
 * {@link dev.wschaos.simulator.WsChaosServer} into test methods.
 *
 * <pre>{@code
 * @WsChaosTest(plan = "flaky-reconnect")
 * class MyClientTest {
 *   @Test
 *   void recovers(WsChaosRuntimeInfo wschaos) {
 *     MyClient client = MyClient.connect(wschaos.wsUrl("/feed?clientId=c1"));
 *     wschaos.chaos().afterMessages(3).close(1011, "boom");
 *     // ... assert the client reconnected ...
 *   }
 * }
 * }</pre>
 *
 * <p>{@code @Nested} classes share the simulator of the class they are in; one annotated itself gets its own.
 *
 * <p>For more control (a server per test, a Java-built plan, no reset) register a {@link WsChaosExtension} built
 * with {@link WsChaosExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WsChaosExtension.class)
public @interface WsChaosTest {

  /** A built-in plan name, or a classpath resource ending in .yaml, .yml or .json. */
  String plan() default "healthy";

  /** The port; 0 (default) picks a free one. */
  int port() default 0;

  /** Seed for the plan's random draws; the default keeps the plan's seed (or a random one). */
  long seed() default WsChaosExtension.NO_SEED;

  /** Reset journal, attempt counts and reconnect history, and restore the initial plan, before each test. */
  boolean resetBeforeEach() default true;

  /** Also serve {@code wss://} with a generated test CA ({@link WsChaosRuntimeInfo#wssUrl}, {@code sslContext()}). */
  boolean tls() default false;

  /** Serve the admin API on a free loopback port ({@link WsChaosRuntimeInfo#adminUrl()}). */
  boolean admin() default false;
}
