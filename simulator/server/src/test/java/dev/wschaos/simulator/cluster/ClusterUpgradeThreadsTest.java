package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.support.JdkClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An upgrade on a node of a cluster waits for its attempt count from Hazelcast; the answer must come back on the
 * event loop without a thread of its own (Hazelcast's default async executor starts a thread per task when the
 * common fork-join pool has one thread, as on 2 cores).
 */
class ClusterUpgradeThreadsTest {

  @Test
  void upgradesOnAClusterNodeStartNoThreadEach() throws Exception {
    int base = 6100 + ThreadLocalRandom.current().nextInt(0, 30) * 10;
    ClusterSettings cluster = ClusterSettings.loopback().name("threads-" + UUID.randomUUID()).ports(base, 2);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (WsChaosServer a = WsChaosServer.builder().cluster(cluster).start();
         WsChaosServer b = WsChaosServer.builder().cluster(cluster).start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 20; i++) {
        JdkClient.connect(http, a.wsUrl().resolve("/?clientId=warm-" + i)).close();
      }
      long before = threads.getTotalStartedThreadCount();
      for (int i = 0; i < 200; i++) {
        try (JdkClient client = JdkClient.connect(http, a.wsUrl().resolve("/?clientId=c-" + i))) {
          assertThat(client.isClosed()).isFalse();
        }
      }
      long started = threads.getTotalStartedThreadCount() - before;

      assertThat(started).as("threads started during 200 upgrades on a cluster node").isLessThan(50);
    }
  }
}
