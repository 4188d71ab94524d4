package dev.wschaos.simulator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/** The Hazelcast configuration of a node: the join {@link ClusterSettings} ask for, and the maps wschaos shares. */
final class HazelcastSetup {

  static final String ATTEMPTS = "wschaos.attempts";
  static final String PLAN = "wschaos.plan";
  static final String NODES = "wschaos.nodes";

  private HazelcastSetup() {}

  static Config config(ClusterSettings settings, int maxClients) {
    Config config;
    if (settings.file() != null) {
      try {
        config = Config.loadFromFile(settings.file().toFile());
      } catch (Exception e) {
        throw new IllegalArgumentException("cluster config " + settings.file() + ": " + e.getMessage(), e);
      }
      vertxStructures(config);
    } else {
      config = new HazelcastClusterManager().loadConfig();
      join(config, settings);
    }
    // a node killed with kill -9 is noticed within seconds, not the default minute
    setIfAbsent(config, "hazelcast.heartbeat.interval.seconds", "1");
    setIfAbsent(config, "hazelcast.max.no.heartbeat.seconds", "10");
    setIfAbsent(config, "hazelcast.operation.call.timeout.millis", "10000");
    setIfAbsent(config, "hazelcast.wait.seconds.before.join", "1");
    // nodes started at the same moment may each form a cluster of one at first: merge them within seconds
    setIfAbsent(config, "hazelcast.merge.first.run.delay.seconds", "5");
    setIfAbsent(config, "hazelcast.merge.next.run.delay.seconds", "5");
    setIfAbsent(config, "hazelcast.phone.home.enabled", "false");
    setIfAbsent(config, "hazelcast.logging.type", "slf4j");
    // the simulator leaves the cluster when it stops (SIGTERM closes Vert.x, which leaves)
    setIfAbsent(config, "hazelcast.shutdownhook.enabled", "false");
    if (config.getMapConfigOrNull(ATTEMPTS) == null) {
      // the backup is written after the count is answered: an upgrade waits for one hop, not two
      MapConfig attempts = new MapConfig(ATTEMPTS).setBackupCount(0).setAsyncBackupCount(1);
      attempts.getEvictionConfig().setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.PER_NODE)
          .setSize(maxClients);
      config.addMapConfig(attempts);
    }
    if (config.getMapConfigOrNull(PLAN) == null) {
      config.addMapConfig(new MapConfig(PLAN).setBackupCount(2));
    }
    return config;
  }

  private static void join(Config config, ClusterSettings settings) {
    config.setClusterName(settings.name());
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(settings.portCount());
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(settings.host()));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.local.localAddress", settings.host());
  }

  /** What Vert.x itself keeps in Hazelcast, as its default-cluster.xml configures it, when a user file lacks it. */
  private static void vertxStructures(Config config) {
    if (config.getMultiMapConfigs().get("__vertx.subs") == null) {
      config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
          .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    }
    for (String map : List.of("__vertx.haInfo", "__vertx.nodeInfo")) {
      if (config.getMapConfigOrNull(map) == null) {
        config.addMapConfig(new MapConfig(map).setBackupCount(1));
      }
    }
  }

  private static void setIfAbsent(Config config, String key, String value) {
    if (config.getProperty(key) == null && System.getProperty(key) == null) {
      config.setProperty(key, value);
    }
  }
}
