package dev.wschaos.simulator.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The live objects of this JVM by class, as {@code jcmd <pid> GC.class_histogram} prints them (a full GC first), for
 * counting what a held connection keeps: take one before, one with the connections held, and {@link #minus} them.
 *
 * <pre>{@code
 * HeapHistogram before = HeapHistogram.take();
 * // ... hold 1,000 connections ...
 * HeapHistogram.Count perConnection = HeapHistogram.take().minus(before).total().per(1000);
 * }</pre>
 */
final class HeapHistogram {

  /** Instances and bytes, of one class or of all. */
  record Count(double instances, double bytes) {
    Count per(int n) {
      return new Count(instances / n, bytes / n);
    }
  }

  private final Map<String, Count> byClass;
  private final Count total;

  private HeapHistogram(Map<String, Count> byClass, Count total) {
    this.byClass = byClass;
    this.total = total;
  }

  static HeapHistogram take() {
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      Map<String, Count> byClass = new HashMap<>();
      Count total = new Count(0, 0);
      for (String line : text.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 4 && f[0].endsWith(":")) {
          byClass.put(f[3], new Count(Long.parseLong(f[1]), Long.parseLong(f[2])));
        } else if (f.length >= 3 && f[0].equals("Total")) {
          total = new Count(Long.parseLong(f[1]), Long.parseLong(f[2]));
        }
      }
      return new HeapHistogram(byClass, total);
    } catch (Exception e) {
      throw new IllegalStateException("could not take a class histogram", e);
    }
  }

  HeapHistogram minus(HeapHistogram before) {
    Map<String, Count> diff = new HashMap<>();
    byClass.forEach((name, c) -> {
      Count b = before.byClass.getOrDefault(name, new Count(0, 0));
      diff.put(name, new Count(c.instances() - b.instances(), c.bytes() - b.bytes()));
    });
    return new HeapHistogram(diff, new Count(total.instances() - before.total.instances(),
        total.bytes() - before.total.bytes()));
  }

  Count total() {
    return total;
  }

  /** The {@code n} classes that grew most in bytes, as {@code name instances/bytes} per {@code per}. */
  String top(int n, int per) {
    StringBuilder out = new StringBuilder();
    byClass.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue().bytes(), a.getValue().bytes()))
        .limit(n)
        .forEach(e -> out.append(String.format(java.util.Locale.ROOT, "%s %.1f/%.0f B, ", shortName(e.getKey()),
            e.getValue().instances() / per, e.getValue().bytes() / per)));
    return out.length() == 0 ? "" : out.substring(0, out.length() - 2);
  }

  private static String shortName(String className) {
    if (className.startsWith("[L") && className.endsWith(";")) {
      return shortName(className.substring(2, className.length() - 1)) + "[]";
    }
    int dot = className.lastIndexOf('.');
    return dot < 0 ? className : className.substring(dot + 1);
  }
}
