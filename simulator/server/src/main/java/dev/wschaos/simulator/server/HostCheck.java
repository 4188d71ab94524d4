package dev.wschaos.simulator.server;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request's {@code Host} names this server: DNS rebinding makes a browser send a foreign name to a
 * loopback port, so only names the user chose are served. Allowed: no {@code Host} (not a browser), any IP literal
 * (a rebinding page can only send its own name), {@code localhost} and {@code *.localhost}, the bound address, and
 * the user's names: exact, {@code .example.com} for a domain and its subdomains, {@code *} for any.
 *
 * <pre>{@code
 * HostCheck.of("127.0.0.1", List.of(".corp.example")).allows("api.corp.example:8081")   // true
 * }</pre>
 */
public final class HostCheck {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final String bound;
  private final List<String> allowed;

  private HostCheck(String bound, List<String> allowed) {
    this.bound = bound.toLowerCase(Locale.ROOT);
    this.allowed = allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
  }

  public static HostCheck of(String boundHost, List<String> allowedHosts) {
    return new HostCheck(boundHost, allowedHosts == null ? List.of() : allowedHosts);
  }

  public boolean allows(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return true;
    }
    String name = nameOf(hostHeader.trim().toLowerCase(Locale.ROOT));
    if (name.startsWith("[") || IPV4.matcher(name).matches()) {
      return true;
    }
    if (name.equals("localhost") || name.endsWith(".localhost") || name.equals(bound)) {
      return true;
    }
    for (String a : allowed) {
      if (a.equals("*") || a.equals(name) || (a.startsWith(".") && (name.endsWith(a) || name.equals(a.substring(1))))) {
        return true;
      }
    }
    return false;
  }

  /** The host name of a {@code Host} value, without its port: {@code [::1]} and {@code example.com}. */
  public static String nameOf(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
    }
    int colon = hostHeader.lastIndexOf(':');
    String name = colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** How to allow {@code hostHeader}, for refusals. */
  public String refusal(String hostHeader, String flag) {
    String name = nameOf(hostHeader.trim().toLowerCase(Locale.ROOT));
    return "Host '" + hostHeader + "' is not this server's address (" + bound + "), localhost, an IP address or an "
        + "allowed host name, so the request is refused (a web page reaching a local port by a foreign name is how "
        + "DNS rebinding works); to serve this name start with " + flag + " " + name;
  }
}
