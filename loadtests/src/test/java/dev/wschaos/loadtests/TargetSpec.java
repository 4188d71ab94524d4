package dev.wschaos.loadtests;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code -Dtarget} names: {@code embedded} (a simulator in this JVM), one or more WebSocket base URLs
 * ({@code ws://h:p1,ws://h:p2}: clients spread over them as behind a load balancer), or {@code cluster}: the nodes
 * that {@code GET /cluster} on the {@code -Dadmin} node lists.
 *
 * <pre>{@code
 * TargetSpec.parse("ws://127.0.0.1:8080,ws://127.0.0.1:8090").urls();   // both, without trailing slashes
 * }</pre>
 */
record TargetSpec(Kind kind, List<String> urls) {

  enum Kind { EMBEDDED, URLS, CLUSTER }

  static TargetSpec parse(String text) {
    String value = text == null || text.isBlank() ? "embedded" : text.trim();
    if (value.equals("embedded")) {
      return new TargetSpec(Kind.EMBEDDED, List.of());
    }
    if (value.equals("cluster")) {
      return new TargetSpec(Kind.CLUSTER, List.of());
    }
    List<String> urls = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String url = part.trim();
      if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
        throw new IllegalArgumentException("-Dtarget=" + text + ": '" + url + "' is not a ws:// or wss:// URL; use "
            + "embedded, cluster (with -Dadmin=http://host:port), or ws://host:port[,ws://host:port...]");
      }
      url = url.replaceAll("/+$", "");
      if (urls.contains(url)) {
        throw new IllegalArgumentException("-Dtarget=" + text + ": " + url + " is listed twice");
      }
      urls.add(url);
    }
    return new TargetSpec(Kind.URLS, List.copyOf(urls));
  }
}
