package dev.wschaos.simulator.admin;

import java.util.List;
import java.util.Locale;

/**
 * Where the admin API listens, the bearer token it requires ({@code null}: none), and which other host names and
 * browser origins it serves besides its own (see docs/reliability.md for the threat model).
 *
 * <pre>{@code
 * WsChaosServer.builder().admin(AdminSettings.loopback(0).withToken(System.getenv("WSCHAOS_ADMIN_TOKEN"))
 *     .withAllowedHosts(List.of("wschaos.internal")).withAllowedOrigins(List.of("http://localhost:3000"))).start();
 * }</pre>
 *
 * @param allowedHosts   {@code Host} names served besides the bound address, {@code localhost} and IP literals:
 *                       exact names, {@code .example.com} for a domain and its subdomains, or {@code *} for any
 * @param allowedOrigins browser origins ({@code scheme://host[:port]}) allowed to call the API cross-origin, or
 *                       {@code *} for any
 */
public record AdminSettings(String host, int port, String token, List<String> allowedHosts,
                            List<String> allowedOrigins) {

  public static final String TOKEN_ENV = "WSCHAOS_ADMIN_TOKEN";

  public AdminSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("admin port " + port + " is out of range 0-65535");
    }
    token = token == null || token.isBlank() ? null : token;
    allowedHosts = normalized(allowedHosts);
    allowedOrigins = normalized(allowedOrigins);
  }

  public AdminSettings(String host, int port, String token) {
    this(host, port, token, List.of(), List.of());
  }

  public static AdminSettings loopback(int port) {
    return new AdminSettings("127.0.0.1", port, null);
  }

  public AdminSettings withToken(String value) {
    return new AdminSettings(host, port, value, allowedHosts, allowedOrigins);
  }

  public AdminSettings withHost(String value) {
    return new AdminSettings(value, port, token, allowedHosts, allowedOrigins);
  }

  public AdminSettings withAllowedHosts(List<String> names) {
    return new AdminSettings(host, port, token, names, allowedOrigins);
  }

  public AdminSettings withAllowedOrigins(List<String> origins) {
    return new AdminSettings(host, port, token, allowedHosts, origins);
  }

  /** True when the admin API listens on a loopback address only. */
  public boolean loopbackOnly() {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
  }

  private static List<String> normalized(List<String> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().map(String::trim).filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT))
        .map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v).distinct().toList();
  }

  @Override
  public String toString() {
    return "AdminSettings[" + host + ":" + port + (token == null ? "" : ", token set")
        + (allowedHosts.isEmpty() ? "" : ", allowedHosts=" + allowedHosts)
        + (allowedOrigins.isEmpty() ? "" : ", allowedOrigins=" + allowedOrigins) + "]";
  }
}
