package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.RawAnswer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answer the upgrade with any status but 101, written byte for byte: {@code 200 OK} with an HTML page (an SPA dev
 * server's index.html fallback, a captive portal), a {@code 426} naming another protocol, an {@code HTTP/1.0} status
 * line. The body defaults to a small index.html for 200 and to {@code "<status> <reason>\n"} otherwise;
 * headers go out in the order given, then {@code Content-Type} and {@code Content-Length} unless given. {@code Connection: close} in the headers
 * closes TCP after the answer; otherwise the server keeps it until the client leaves (at most 10 s).
 *
 * <pre>{@code
 * fault: {type: wrong-status, status: 200}
 * fault: {type: wrong-status, status: 426, headers: {Upgrade: "TLS/1.2, HTTP/1.1", Connection: Upgrade}}
 * fault: {type: wrong-status, status: 200, version: HTTP/1.0, body: "<html>captive portal</html>"}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonTypeName("wrong-status")
public record WrongStatusFault(int status, String reason, String version, Map<String, String> headers, String body)
    implements HandshakeFault {

  /** What an SPA dev server or static host answers for any path it does not know, such as {@code /ws}. */
  public static final String INDEX_HTML = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>App</title>\n<script type=\"module\" src=\"/assets/index.js\"></script>\n</head>\n<body>\n"
      + "<div id=\"root\"></div>\n</body>\n</html>\n";

  @JsonCreator
  public WrongStatusFault(
      @JsonProperty(value = "status", required = true) int status,
      @JsonProperty("reason") String reason,
      @JsonProperty("version") String version,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("body") String body) {
    this.status = status;
    this.reason = reason;
    this.version = version;
    this.headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.body = body;
  }

  public static WrongStatusFault status(int status) {
    return new WrongStatusFault(status, null, null, null, null);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    HttpHead head = HttpHead.of(version, status, reason).headers(headers)
        .header("Content-Type", status == 200 ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
    String content = body != null ? body
        : status == 200 ? INDEX_HTML : status + " " + HttpHead.reasonPhrase(status) + "\n";
    exchange.writeRaw(new RawAnswer(head.bytes(content), head.closes(), status,
        "wrong-status " + status + (version == null ? "" : " " + version)));
  }

  @Override
  public void validate(Problems problems) {
    if (status == 101) {
      problems.at("status").error("101 is the healthy answer; use mangled-upgrade for a broken 101");
    } else if (status < 100 || status > 599) {
      problems.at("status").error(status + " is out of range: use 100-599 (e.g. 200 for an HTML page instead of "
          + "101, 426 for Upgrade Required)");
    }
    if (reason != null && (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0)) {
      problems.at("reason").error("cannot contain CR or LF; use raw-response for arbitrary bytes");
    }
    HttpHead.checkVersion(version, problems);
    HttpHead.checkHeaders(headers, problems);
  }
}
