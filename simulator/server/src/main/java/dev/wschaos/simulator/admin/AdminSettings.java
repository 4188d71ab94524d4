package dev.wschaos.simulator.admin;

/**
 * Where the admin API listens and the bearer token it requires ({@code null}: none).
 *
 * <pre>{@code
 * WsChaosServer.builder().admin(AdminSettings.loopback(0).withToken(System.getenv("WSCHAOS_ADMIN_TOKEN"))).start();
 * }</pre>
 */
public record AdminSettings(String host, int port, String token) {

  public static final String TOKEN_ENV = "WSCHAOS_ADMIN_TOKEN";

  public AdminSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("admin port " + port + " is out of range 0-65535");
    }
    token = token == null || token.isBlank() ? null : token;
  }

  public static AdminSettings loopback(int port) {
    return new AdminSettings("127.0.0.1", port, null);
  }

  public AdminSettings withToken(String value) {
    return new AdminSettings(host, port, value);
  }

  public AdminSettings withHost(String value) {
    return new AdminSettings(value, port, token);
  }

  @Override
  public String toString() {
    return "AdminSettings[" + host + ":" + port + (token == null ? "" : ", token set") + "]";
  }
}
