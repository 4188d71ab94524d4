package dev.wschaos.simulator.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.CommentCode;
import dev.wschaos.simulator.common.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;

/**
 * A message with {@code {{variables}}}, compiled once when the plan is read (Mustache, by mustache.java). Values are
 * inserted as they are; {@code {{json.X}}} inserts X escaped for a JSON string. Sections ({@code {{#x}}..{{/x}}})
 * iterate lists and skip missing values. Which variables exist depends on where the template is: see
 * {@link TemplateVariables}.
 *
 * <pre>{@code
 * MessageTemplate t = MessageTemplate.of("{\"type\":\"ready\",\"user\":\"{{json.message.user}}\"}");
 * t.render(scope);
 * }</pre>
 */
public final class MessageTemplate {

  private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public java.io.Reader getReader(String resourceName) {
      throw new MustacheException("partials ({{> " + resourceName + "}}) are not supported");
    }
  };

  private final String source;
  private final Mustache mustache;
  private final String error;

  private MessageTemplate(String source) {
    this.source = source;
    Mustache compiled = null;
    String problem = null;
    if (source != null && source.contains("{{")) {
      try {
        compiled = FACTORY.compile(new StringReader(source), "template");
      } catch (MustacheException e) {
        problem = "'" + source + "' is not a valid template: " + e.getMessage();
      }
    }
    this.mustache = compiled;
    this.error = problem;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static MessageTemplate of(String source) {
    return new MessageTemplate(source);
  }

  @JsonValue
  public String source() {
    return source;
  }

  /** True when the template has no variables: {@link #render} returns the source as is. */
  public boolean isConstant() {
    return mustache == null;
  }

  public String render(Object scope) {
    if (mustache == null) {
      return source;
    }
    StringWriter out = new StringWriter(source.length() + 32);
    mustache.execute(out, scope);
    return out.toString();
  }

  /** Report a syntax error, or a top-level variable whose first name is not one of {@code variables}. */
  public void validate(Problems problems, Set<String> variables) {
    if (source == null) {
      problems.error("a message cannot be empty");
      return;
    }
    if (error != null) {
      problems.error(error);
      return;
    }
    if (mustache == null) {
      return;
    }
    Set<String> unknown = new TreeSet<>();
    for (Code code : mustache.getCodes()) {
      String name = code.getName();
      if (name == null || name.equals(".") || code instanceof CommentCode) {
        continue;
      }
      String root = name.split("\\.", 2)[0];
      if (root.equals("json") && name.contains(".")) {
        root = name.split("\\.")[1];
      }
      if (!variables.contains(root)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      problems.error("unknown variable" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
          + " in '" + source + "': here the variables are " + String.join(", ", new TreeSet<>(variables)));
    }
  }

  @Override
  public String toString() {
    return source;
  }
}
