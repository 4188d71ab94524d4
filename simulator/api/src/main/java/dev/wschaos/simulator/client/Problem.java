package dev.wschaos.simulator.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.PlanProblem;
import java.util.List;

/**
 * An error answer of the admin API, as {@code application/problem+json} (RFC 9457), with every plan problem listed.
 *
 * <pre>{@code
 * {"type":"https://wschaos.dev/problems/invalid-plan","title":"Invalid plan","status":400,
 *  "detail":"invalid plan request body (1 problem)",
 *  "problems":[{"field":"rules[0].fault.code","line":4,"column":13,"message":"1006 (abnormal closure) is never sent"}]}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Item> problems) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String BASE = "https://wschaos.dev/problems/";

  @JsonCreator
  public Problem(
      @JsonProperty("type") String type,
      @JsonProperty("title") String title,
      @JsonProperty("status") int status,
      @JsonProperty("detail") String detail,
      @JsonProperty("problems") List<Item> problems) {
    this.type = type;
    this.title = title;
    this.status = status;
    this.detail = detail;
    this.problems = problems == null ? List.of() : List.copyOf(problems);
  }

  public static Problem of(int status, String kind, String title, String detail) {
    return new Problem(BASE + kind, title, status, detail, List.of());
  }

  public static Problem invalid(String title, String detail, List<PlanProblem> problems) {
    return new Problem(BASE + "invalid-plan", title, 400, detail, problems.stream().map(Item::of).toList());
  }

  /** One thing wrong with a request body: the field, where in the body (when known), and what is wrong. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(String field, Integer line, Integer column, String message) {

    @JsonCreator
    public Item(
        @JsonProperty("field") String field,
        @JsonProperty("line") Integer line,
        @JsonProperty("column") Integer column,
        @JsonProperty("message") String message) {
      this.field = field;
      this.line = line;
      this.column = column;
      this.message = message;
    }

    static Item of(PlanProblem p) {
      return new Item(p.field(), p.location() == null ? null : p.location().line(),
          p.location() == null ? null : p.location().column(), p.message());
    }
  }
}
