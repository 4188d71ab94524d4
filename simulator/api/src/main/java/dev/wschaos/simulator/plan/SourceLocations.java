package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.wschaos.simulator.common.FieldPath;
import dev.wschaos.simulator.common.PlanProblem;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Where each field of a plan file starts, so problems found after binding can still name a line and column. */
final class SourceLocations {

  private final String source;
  private final Map<String, JsonLocation> byPointer;

  private SourceLocations(String source, Map<String, JsonLocation> byPointer) {
    this.source = source;
    this.byPointer = byPointer;
  }

  static SourceLocations index(JsonFactory factory, String text, String source) {
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || !parser.getParsingContext().inObject()) {
          locations.putIfAbsent(pointerOf(parser, token), parser.currentTokenLocation());
        }
      }
    } catch (IOException e) {
      // A malformed document fails binding first, with its own location.
    }
    return new SourceLocations(source, locations);
  }

  /** The location of {@code path}, or of its nearest ancestor that has one. */
  PlanProblem.SourceLocation locate(FieldPath path) {
    for (FieldPath p = path; ; p = p.parent()) {
      JsonLocation location = byPointer.get(p.pointer());
      if (location != null) {
        return new PlanProblem.SourceLocation(source, location.getLineNr(), location.getColumnNr());
      }
      if (p.isRoot()) {
        return new PlanProblem.SourceLocation(source, 1, 1);
      }
    }
  }

  private static String pointerOf(JsonParser parser, JsonToken token) {
    JsonStreamContext context = parser.getParsingContext();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      context = context.getParent();
    }
    Deque<String> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject()) {
        segments.addFirst(c.getCurrentName() == null ? "" : c.getCurrentName());
      } else if (c.inArray()) {
        segments.addFirst(Integer.toString(Math.max(0, c.getCurrentIndex())));
      }
    }
    StringBuilder pointer = new StringBuilder();
    for (String s : segments) {
      pointer.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }
}
