package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.RawAnswer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Answer as nginx itself does when it cannot proxy the upgrade: its built-in error page ({@code 502 Bad Gateway}
 * when the upstream is down, {@code 504 Gateway Time-out} when it does not answer, {@code 400 Bad Request} for a
 * request it refuses), with {@code Server: nginx}, byte for byte as nginx writes it. {@code version} adds the version
 * nginx shows with {@code server_tokens on} (e.g. {@code 1.24.0}).
 *
 * <pre>{@code
 * fault: {type: nginx-error, status: 502}
 * fault: {type: nginx-error, status: 504, version: 1.24.0}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("nginx-error")
public record NginxErrorFault(int status, String version) implements HandshakeFault {

  /** nginx's titles, from {@code ngx_http_special_response.c}. */
  private static final Map<Integer, String> TITLES = Map.ofEntries(
      Map.entry(400, "400 Bad Request"), Map.entry(403, "403 Forbidden"), Map.entry(404, "404 Not Found"),
      Map.entry(405, "405 Not Allowed"), Map.entry(408, "408 Request Time-out"),
      Map.entry(413, "413 Request Entity Too Large"), Map.entry(429, "429 Too Many Requests"),
      Map.entry(494, "400 Request Header Or Cookie Too Large"), Map.entry(500, "500 Internal Server Error"),
      Map.entry(502, "502 Bad Gateway"), Map.entry(503, "503 Service Temporarily Unavailable"),
      Map.entry(504, "504 Gateway Time-out"));

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

  @JsonCreator
  public NginxErrorFault(@JsonProperty(value = "status", required = true) int status,
                         @JsonProperty("version") String version) {
    this.status = status;
    this.version = version;
  }

  public static NginxErrorFault status(int status) {
    return new NginxErrorFault(status, null);
  }

  /** The HTML body nginx sends for {@code status}. */
  public String page() {
    String title = TITLES.get(status);
    return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>" + server() + "</center>\r\n</body>\r\n</html>\r\n";
  }

  /** The {@code Server} header. */
  public String server() {
    return version == null ? "nginx" : "nginx/" + version;
  }

  /** nginx closes the connection after these (no keep-alive), as {@code ngx_http_special_response_handler} does. */
  public boolean closes() {
    return status == 400 || status == 413 || status == 494 || status == 500;
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    int wire = status == 494 ? 400 : status;
    HttpHead head = HttpHead.of(HttpHead.HTTP_1_1, wire, TITLES.get(wire).substring(4))
        .header("Server", server())
        .header("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .header("Content-Type", "text/html")
        .header("Content-Length", Integer.toString(page().length()))
        .header("Connection", closes() ? "close" : "keep-alive");
    exchange.writeRaw(new RawAnswer(head.bytes(page()), closes(), wire, "nginx-error " + status));
  }

  @Override
  public void validate(Problems problems) {
    if (!TITLES.containsKey(status)) {
      problems.at("status").error(status + " has no nginx error page here; allowed: "
          + new java.util.TreeSet<>(TITLES.keySet()));
    }
    if (version != null && !version.matches("[0-9A-Za-z.()_ -]+")) {
      problems.at("version").error("'" + version + "' is not a version nginx would print (e.g. 1.24.0)");
    }
  }
}
