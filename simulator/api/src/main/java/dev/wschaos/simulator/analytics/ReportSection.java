package dev.wschaos.simulator.analytics;

import java.util.function.Function;

/**
 * The parts of the HTML reconnect report, each renderable on its own as one {@code <section id="...">} fragment, for
 * pages that show a part of the report (the full page is {@link HtmlReport#render}). Fragments use the classes of
 * {@link HtmlReport#stylesheet()}; the clients' rows open their timelines with {@link HtmlReport#script()}.
 *
 * <pre>{@code
 * String page = "<style>" + HtmlReport.stylesheet() + "</style>" + ReportSection.RECOVERY.render(report);
 * }</pre>
 */
public enum ReportSection {
  /** Cards: clients, attempts, reconnects, clients with findings, backoff kinds seen. */
  SUMMARY("summary", SummarySection::render),
  /** Charts over the recording: open connections, upgrades, rejections by status, closes by code. */
  FLEET("fleet", FleetSection::render),
  /** Per fleet event: who was lost, how fast they came back, the herd ratio. */
  RECOVERY("recovery", RecoverySection::render),
  /** Reconnect delay percentiles and histogram. */
  DELAYS("delays", DelaySection::render),
  /** Every client with its backoff fit and findings, and (for the first 500) its attempt timeline. */
  CLIENTS("clients", ClientsSection::render);

  private final String id;
  private final Function<ReconnectReport, String> renderer;

  ReportSection(String id, Function<ReconnectReport, String> renderer) {
    this.id = id;
    this.renderer = renderer;
  }

  /** The fragment's element id, e.g. {@code fleet}. */
  public String id() {
    return id;
  }

  /** This part of the report as an HTML fragment ending in a newline. */
  public String render(ReconnectReport report) {
    return renderer.apply(report);
  }
}
