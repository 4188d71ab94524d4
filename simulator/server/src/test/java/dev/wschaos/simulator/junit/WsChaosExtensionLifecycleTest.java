package dev.wschaos.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.support.JdkClient;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Where the extension keeps its simulators: {@code @Nested} classes share the enclosing class's simulator unless they
 * declare their own, parallel tests each get theirs, and every simulator started is closed when its scope ends.
 */
class WsChaosExtensionLifecycleTest {

  static final Map<String, List<Integer>> PORTS = new ConcurrentHashMap<>();

  static void record(String key, int port) {
    PORTS.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(port);
  }

  @Test
  void nestedClassesShareTheAnnotatedOuterSimulatorAndItIsClosedAfterTheRun() {
    run(AnnotatedOuter.class, false).assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(PORTS.get("annotated")).hasSize(3).containsOnly(PORTS.get("annotated").get(0));
    assertAllClosed(PORTS.get("annotated"));
  }

  @Test
  void nestedClassesShareTheStaticFieldSimulatorThroughParametersAndTheField() {
    run(StaticOuter.class, false).assertStatistics(stats -> stats.succeeded(2).failed(0));

    assertThat(PORTS.get("static")).hasSize(4).containsOnly(PORTS.get("static").get(0));
    assertAllClosed(PORTS.get("static"));
  }

  @Test
  void aNestedClassWithItsOwnAnnotationOrFieldGetsItsOwnSimulator() {
    run(OwnInside.class, false).assertStatistics(stats -> stats.succeeded(4).failed(0));

    int outer = PORTS.get("own-outer").get(0);
    assertThat(PORTS.get("own-outer")).containsOnly(outer);
    assertThat(PORTS.get("own-annotated")).hasSize(1).doesNotContain(outer);
    assertThat(PORTS.get("own-field")).hasSize(2).containsOnly(PORTS.get("own-field").get(0)).doesNotContain(outer);
    assertAllClosed(PORTS.get("own-outer"), PORTS.get("own-annotated"), PORTS.get("own-field"));
  }

  @Test
  void parallelMethodsWithPerTestSimulatorsGetDistinctOnesAndAllAreClosed() {
    run(PerTestConcurrent.class, true).assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(PORTS.get("per-test")).hasSize(3).doesNotHaveDuplicates();
    assertAllClosed(PORTS.get("per-test"));
  }

  @Test
  void parallelMethodsAndNestedClassesShareTheClassSimulator() {
    run(SharedConcurrent.class, true).assertStatistics(stats -> stats.succeeded(4).failed(0));

    assertThat(PORTS.get("shared")).hasSize(4).containsOnly(PORTS.get("shared").get(0));
    assertAllClosed(PORTS.get("shared"));
  }

  @Test
  void parallelSubclassesOfAClassWithAStaticFieldEachGetTheirOwnAndAllAreClosed() {
    Events events = runAll(true, SubclassA.class, SubclassB.class);
    events.assertStatistics(stats -> stats.succeeded(2).failed(0));

    assertThat(PORTS.get("subclass-a")).hasSize(1);
    assertThat(PORTS.get("subclass-b")).hasSize(1).doesNotContainAnyElementsOf(PORTS.get("subclass-a"));
    assertAllClosed(PORTS.get("subclass-a"), PORTS.get("subclass-b"));
  }

  private static Events run(Class<?> testClass, boolean parallel) {
    return runAll(parallel, testClass);
  }

  private static Events runAll(boolean parallel, Class<?>... testClasses) {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel))
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .selectors(Arrays.stream(testClasses).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
        .execute();
    results.allEvents().failed().stream().forEach(e -> e.getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .ifPresent(t -> { throw new AssertionError(testClasses[0].getSimpleName() + " failed", t); }));
    return results.testEvents();
  }

  @SafeVarargs
  private static void assertAllClosed(List<Integer>... portLists) {
    Set<Integer> ports = new TreeSet<>();
    for (List<Integer> list : portLists) {
      ports.addAll(list);
    }
    for (int port : ports) {
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
      }).as("port %d still accepts connections: a simulator was left running", port)
          .isInstanceOf(ConnectException.class);
    }
  }

  static void echo(WsChaosRuntimeInfo wschaos, String text) throws Exception {
    try (JdkClient client = JdkClient.connect(wschaos.wsUrl())) {
      client.send(text);
      assertThat(client.nextMessage()).isEqualTo(text);
    }
  }

  @WsChaosTest
  static class AnnotatedOuter {
    @Test
    void outer(WsChaosRuntimeInfo wschaos) throws Exception {
      record("annotated", wschaos.port());
      echo(wschaos, "outer");
    }

    @Nested
    class Inner {
      @Test
      void inner(WsChaosRuntimeInfo wschaos) throws Exception {
        record("annotated", wschaos.port());
        echo(wschaos, "inner");
      }

      @Nested
      class Deeper {
        @Test
        void deeper(WsChaosRuntimeInfo wschaos) throws Exception {
          record("annotated", wschaos.port());
          echo(wschaos, "deeper");
        }
      }
    }
  }

  static class StaticOuter {
    @RegisterExtension
    static WsChaosExtension wschaos = WsChaosExtension.builder().build();

    @Test
    void outer(WsChaosRuntimeInfo info) {
      record("static", info.port());
      record("static", wschaos.runtimeInfo().port());
    }

    @Nested
    class Inner {
      @Test
      void inner(WsChaosRuntimeInfo info) throws Exception {
        record("static", info.port());
        record("static", wschaos.runtimeInfo().port());
        echo(info, "inner");
      }
    }
  }

  @WsChaosTest
  static class OwnInside {
    @Test
    void outer(WsChaosRuntimeInfo wschaos) {
      record("own-outer", wschaos.port());
    }

    @Nested
    @WsChaosTest(plan = "plans/closes-after-two.yaml")
    class Annotated {
      @Test
      void ownSimulator(WsChaosRuntimeInfo wschaos) {
        record("own-annotated", wschaos.port());
        assertThat(wschaos.chaos().plan().name()).isEqualTo("closes-after-two");
      }
    }

    @Nested
    class WithField {
      @RegisterExtension
      static WsChaosExtension own = WsChaosExtension.builder().build();

      @Test
      void ownSimulator(WsChaosRuntimeInfo wschaos) {
        record("own-field", wschaos.port());
        record("own-field", own.runtimeInfo().port());
      }
    }

    @Nested
    class Plain {
      @Test
      void outerSimulator(WsChaosRuntimeInfo wschaos) {
        record("own-outer", wschaos.port());
      }
    }
  }

  static final CountDownLatch PER_TEST_RUNNING = new CountDownLatch(3);

  @Execution(ExecutionMode.CONCURRENT)
  static class PerTestConcurrent {
    @RegisterExtension
    WsChaosExtension wschaos = WsChaosExtension.builder().build();

    @Test
    void one(WsChaosRuntimeInfo info) throws Exception {
      together(info);
    }

    @Test
    void two(WsChaosRuntimeInfo info) throws Exception {
      together(info);
    }

    @Test
    void three(WsChaosRuntimeInfo info) throws Exception {
      together(info);
    }

    private void together(WsChaosRuntimeInfo info) throws Exception {
      assertThat(wschaos.runtimeInfo().port()).isEqualTo(info.port());
      record("per-test", info.port());
      PER_TEST_RUNNING.countDown();
      assertThat(PER_TEST_RUNNING.await(30, TimeUnit.SECONDS)).as("the three tests run at the same time").isTrue();
      echo(info, "mine");
      assertThat(wschaos.runtimeInfo().port()).as("still this test's simulator").isEqualTo(info.port());
    }
  }

  static final CountDownLatch SHARED_RUNNING = new CountDownLatch(4);

  @WsChaosTest(resetBeforeEach = false)
  @Execution(ExecutionMode.CONCURRENT)
  static class SharedConcurrent {
    @Test
    void one(WsChaosRuntimeInfo info) throws Exception {
      together(info);
    }

    @Test
    void two(WsChaosRuntimeInfo info) throws Exception {
      together(info);
    }

    @Nested
    class Inner {
      @Test
      void three(WsChaosRuntimeInfo info) throws Exception {
        together(info);
      }

      @Test
      void four(WsChaosRuntimeInfo info) throws Exception {
        together(info);
      }
    }

    static void together(WsChaosRuntimeInfo info) throws Exception {
      record("shared", info.port());
      SHARED_RUNNING.countDown();
      assertThat(SHARED_RUNNING.await(30, TimeUnit.SECONDS)).as("the four tests run at the same time").isTrue();
      echo(info, "shared");
    }
  }

  static final CountDownLatch SUBCLASSES_RUNNING = new CountDownLatch(2);

  abstract static class SharedField {
    @RegisterExtension
    static WsChaosExtension wschaos = WsChaosExtension.builder().build();

    void together(String key, WsChaosRuntimeInfo info) throws Exception {
      record(key, info.port());
      SUBCLASSES_RUNNING.countDown();
      assertThat(SUBCLASSES_RUNNING.await(30, TimeUnit.SECONDS)).as("both classes run at the same time").isTrue();
      echo(info, key);
    }
  }

  static class SubclassA extends SharedField {
    @Test
    void a(WsChaosRuntimeInfo info) throws Exception {
      together("subclass-a", info);
    }
  }

  static class SubclassB extends SharedField {
    @Test
    void b(WsChaosRuntimeInfo info) throws Exception {
      together("subclass-b", info);
    }
  }
}
