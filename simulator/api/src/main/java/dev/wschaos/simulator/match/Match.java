package dev.wschaos.simulator.match;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Glob;
import dev.wschaos.simulator.common.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which connections a rule applies to. Every criterion that is set must hold; an empty match takes every connection.
 *
 * <pre>{@code
 * match:
 *   path: /feed/*            # glob on the request path
 *   clientId: mobile-*       # glob on the client id (query clientId or header X-Client-Id)
 *   attempt: "2+"            # this client's 2nd connection attempt and later
 *   query: {region: "eu-.*"} # regex on query parameter values
 *   headers: {User-Agent: ".*okhttp.*"}
 *   probability: 0.25        # drawn from the plan's seeded random source
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class Match {

  public static final Match ANY = new Match(null, null, null, null, null, null);

  private final String path;
  private final String clientId;
  private final AttemptRange attempt;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final Double probability;

  private final Pattern pathPattern;
  private final Pattern clientIdPattern;
  /** The globs' text before their first wildcard: a quick, allocation-free reject before the regex runs. */
  private final String pathPrefix;
  private final String clientIdPrefix;
  private final Map<String, Pattern> queryPatterns;
  private final Map<String, Pattern> headerPatterns;
  private final Map<String, String> regexErrors = new LinkedHashMap<>();

  @JsonCreator
  public Match(
      @JsonProperty("path") String path,
      @JsonProperty("clientId") String clientId,
      @JsonProperty("attempt") AttemptRange attempt,
      @JsonProperty("query") Map<String, String> query,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("probability") Double probability) {
    this.path = path;
    this.clientId = clientId;
    this.attempt = attempt;
    this.query = query == null ? Map.of() : Map.copyOf(query);
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    this.probability = probability;
    this.pathPattern = path == null ? null : Glob.compile(path);
    this.clientIdPattern = clientId == null ? null : Glob.compile(clientId);
    this.pathPrefix = path == null ? null : literalPrefix(path);
    this.clientIdPrefix = clientId == null ? null : literalPrefix(clientId);
    this.queryPatterns = compileAll("query", this.query);
    this.headerPatterns = compileAll("headers", this.headers);
  }

  public static Match probability(double probability) {
    return new Match(null, null, null, null, null, probability);
  }

  public static Match attempt(AttemptRange attempt) {
    return new Match(null, null, attempt, null, null, null);
  }

  public Match withClientId(String glob) {
    return new Match(path, glob, attempt, query, headers, probability);
  }

  public Match withPath(String glob) {
    return new Match(glob, clientId, attempt, query, headers, probability);
  }

  public Match withAttempt(AttemptRange range) {
    return new Match(path, clientId, range, query, headers, probability);
  }

  public Match withProbability(double p) {
    return new Match(path, clientId, attempt, query, headers, p);
  }

  @JsonProperty public String path() { return path; }
  @JsonProperty public String clientId() { return clientId; }
  @JsonProperty public AttemptRange attempt() { return attempt; }
  @JsonProperty public Map<String, String> query() { return query; }
  @JsonProperty public Map<String, String> headers() { return headers; }
  @JsonProperty public Double probability() { return probability; }

  /**
   * Whether everything but the probability holds. The probability is drawn by the caller, after this passes, so that
   * the seeded random source is only consumed by connections the rule could apply to.
   */
  public boolean matches(MatchSubject subject) {
    if (pathPattern != null && !globMatches(path, pathPrefix, pathPattern, subject.path())) {
      return false;
    }
    if (clientIdPattern != null && (subject.clientId() == null
        || !globMatches(clientId, clientIdPrefix, clientIdPattern, subject.clientId()))) {
      return false;
    }
    if (attempt != null && !attempt.contains(subject.attempt())) {
      return false;
    }
    for (Map.Entry<String, Pattern> e : queryPatterns.entrySet()) {
      String value = subject.queryParam(e.getKey());
      if (value == null || !e.getValue().matcher(value).matches()) {
        return false;
      }
    }
    for (Map.Entry<String, Pattern> e : headerPatterns.entrySet()) {
      String value = subject.header(e.getKey());
      if (value == null || !e.getValue().matcher(value).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean globMatches(String glob, String prefix, Pattern pattern, String value) {
    if (!value.startsWith(prefix)) {
      return false;
    }
    return prefix.length() == glob.length() ? value.length() == glob.length() : pattern.matcher(value).matches();
  }

  private static String literalPrefix(String glob) {
    for (int i = 0; i < glob.length(); i++) {
      if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
        return glob.substring(0, i);
      }
    }
    return glob;
  }

  public boolean hasProbability() {
    return probability != null && probability < 1.0;
  }

  public void validate(Problems problems) {
    if (probability != null && !(probability >= 0.0 && probability <= 1.0)) {
      problems.at("probability").error(probability + " is out of range: a probability is from 0 to 1 (e.g. 0.25)");
    }
    if (attempt != null) {
      attempt.validate(problems.at("attempt"));
    }
    regexErrors.forEach((field, error) -> {
      int dot = field.indexOf('.');
      problems.at(field.substring(0, dot)).at(field.substring(dot + 1)).error(error);
    });
  }

  private Map<String, Pattern> compileAll(String group, Map<String, String> regexes) {
    Map<String, Pattern> compiled = new LinkedHashMap<>();
    regexes.forEach((name, regex) -> {
      try {
        compiled.put(name, Pattern.compile(regex == null ? "" : regex));
      } catch (PatternSyntaxException e) {
        regexErrors.put(group + "." + name, "'" + regex + "' is not a valid regular expression: "
            + e.getDescription() + " near index " + e.getIndex());
      }
    });
    return Map.copyOf(compiled);
  }
}
