package dev.wschaos.simulator.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ServiceLoader;

/**
 * The one Jackson configuration of wschaos, for everything it reads and writes: plans (JSON and YAML), journal events,
 * reconnect reports, admin API bodies and the messages it puts on the wire. Reading is strict (unknown fields,
 * duplicate keys, trailing tokens, nulls for primitives and numbers for enums are errors); durations are text with a
 * unit ({@code 250ms}, {@code 2s}, see {@link Durations}), instants ISO-8601 text.
 *
 * <pre>{@code
 * String line = Json.write(event);                         // compact, one line
 * String report = Json.pretty().writeValueAsString(report); // indented
 * Plan plan = Json.yaml().readValue(text, Plan.class);
 * JsonNode notice = Json.tree(message);                    // null when the text is not JSON
 * }</pre>
 *
 * <p>The mappers are shared and thread-safe: never reconfigure them ({@code copy()} one if you must).
 */
public final class Json {

  /** Modules of this package prefix, found through {@code ServiceLoader}, add wschaos' own types (fault names). */
  private static final String VOCABULARY = "dev.wschaos.";

  private static final ObjectMapper JSON = configure(new ObjectMapper());
  private static final ObjectMapper YAML = configure(new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build()));
  private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

  private Json() {}

  /** The JSON mapper; compact output. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /** The YAML mapper, with the same configuration as {@link #mapper()}. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** A writer of indented JSON (reports, printed plans). */
  public static ObjectWriter pretty() {
    return PRETTY;
  }

  /** {@code value} as compact JSON. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as indented JSON. */
  public static String writePretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** The tree of a JSON text, or null when {@code text} is null or not JSON. */
  public static JsonNode tree(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new SimpleModule("wschaos")
        .addSerializer(Duration.class, new DurationSerializer())
        .addDeserializer(Duration.class, new DurationDeserializer())
        .addSerializer(Instant.class, InstantSerializer.INSTANCE)
        .addDeserializer(Instant.class, InstantDeserializer.INSTANT));
    ServiceLoader.load(Module.class, Json.class.getClassLoader()).stream()
        .filter(provider -> provider.type().getName().startsWith(VOCABULARY))
        .forEach(provider -> mapper.registerModule(provider.get()));
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    return mapper;
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (Duration) context.handleUnexpectedToken(Duration.class, parser.currentToken(), parser,
            "a duration is text with a unit: 250ms, 2s, 1.5s, 5m, 1h (a bare number is not accepted)");
      }
      String text = parser.getText();
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
      }
    }
  }

  private static final class DurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(Durations.format(value));
    }
  }
}
