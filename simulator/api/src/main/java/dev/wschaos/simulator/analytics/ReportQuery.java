package dev.wschaos.simulator.analytics;

import dev.wschaos.simulator.behaviour.CloseConvention;
import dev.wschaos.simulator.common.DurationText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one request for the reconnect report changes in the analytics settings of the plan in force: the same for an
 * embedded simulator ({@code ChaosTarget.reconnectReport(query)}), the admin API
 * ({@code GET /reconnects?closeCodes=stomp&minimumDelay=500ms}) and {@code wschaos report}.
 *
 * <pre>{@code
 * ReconnectReport report = target.reconnectReport(ReportQuery.minimumDelay(Duration.ofMillis(500)));
 * report.findings();            // retried-too-fast for every reconnect that came sooner than 500 ms
 * }</pre>
 *
 * @param closeCodes judge close codes by this convention ({@code graphql-ws}, {@code pusher}, {@code stomp}) or
 *     {@code none}; null: the plan's
 * @param minimumDelay flag reconnects sooner than this ({@code retried-too-fast}); null: the plan's (none)
 */
public record ReportQuery(String closeCodes, Duration minimumDelay) {

  public ReportQuery {
    if (closeCodes != null && !closeCodes.equals("none")) {
      CloseConvention.preset(closeCodes);
    }
    if (minimumDelay != null && (minimumDelay.isNegative() || minimumDelay.isZero())) {
      throw new IllegalArgumentException("minimumDelay must be more than 0, was " + DurationText.format(minimumDelay));
    }
  }

  /** The plan's settings, unchanged. */
  public static ReportQuery none() {
    return new ReportQuery(null, null);
  }

  public static ReportQuery minimumDelay(Duration value) {
    return new ReportQuery(null, value);
  }

  public static ReportQuery closeCodes(String convention) {
    return new ReportQuery(convention, null);
  }

  public ReportQuery withMinimumDelay(Duration value) {
    return new ReportQuery(closeCodes, value);
  }

  public ReportQuery withCloseCodes(String convention) {
    return new ReportQuery(convention, minimumDelay);
  }

  /**
   * Read the admin API's query parameters (either may be null).
   *
   * @throws IllegalArgumentException naming the parameter and what is allowed
   */
  public static ReportQuery parse(String closeCodes, String minimumDelay) {
    Duration delay = null;
    if (minimumDelay != null) {
      try {
        delay = DurationText.parse(minimumDelay);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("minimumDelay: '" + minimumDelay + "' is not a duration such as 500ms or 2s"
            + " (a unit is required)", e);
      }
    }
    String convention = closeCodes == null ? null : closeCodes.isBlank() ? "none" : closeCodes;
    if (convention != null && !convention.equals("none")) {
      try {
        CloseConvention.preset(convention);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("closeCodes: " + e.getMessage(), e);
      }
    }
    return new ReportQuery(convention, delay);
  }

  /** Whether it changes nothing. */
  public boolean isEmpty() {
    return closeCodes == null && minimumDelay == null;
  }

  /** {@code base} with this query's changes. */
  public AnalyticsSettings applyTo(AnalyticsSettings base) {
    AnalyticsSettings.Builder settings = base.toBuilder();
    if (closeCodes != null) {
      settings.closeCodes(closeCodes.equals("none") ? null : closeCodes);
    }
    if (minimumDelay != null) {
      settings.minimumDelay(minimumDelay);
    }
    return settings.build();
  }

  /** The admin API's query string, {@code ""} or starting with {@code ?}. */
  public String queryString() {
    List<String> parts = new ArrayList<>();
    if (closeCodes != null) {
      parts.add("closeCodes=" + URLEncoder.encode(closeCodes, StandardCharsets.UTF_8));
    }
    if (minimumDelay != null) {
      parts.add("minimumDelay=" + DurationText.format(minimumDelay));
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }
}
