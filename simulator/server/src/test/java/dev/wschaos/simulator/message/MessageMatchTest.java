package dev.wschaos.simulator.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.common.Problems;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageMatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static MessageMatch json(String fields) throws Exception {
    Map<String, JsonNode> map = JSON.convertValue(JSON.readTree(fields),
        JSON.getTypeFactory().constructMapType(Map.class, String.class, JsonNode.class));
    return new MessageMatch(map, null, null);
  }

  private static boolean matches(MessageMatch match, String text) {
    return match.matches(ClientMessage.text(text));
  }

  @Test
  void jsonFieldsMatchByNameByPointerAsSubsetsAndScalarsByText() throws Exception {
    MessageMatch match = json("{\"type\":\"sub\",\"/payload/room\":\"a\",\"meta\":{\"v\":2},\"seq\":\"3\"}");
    assertThat(matches(match, "{\"type\":\"sub\",\"payload\":{\"room\":\"a\"},\"meta\":{\"v\":2,\"x\":1},\"seq\":3}"))
        .isTrue();
    assertThat(matches(match, "{\"type\":\"sub\",\"payload\":{\"room\":\"b\"},\"meta\":{\"v\":2},\"seq\":3}")).isFalse();
    assertThat(matches(match, "{\"type\":\"sub\",\"payload\":{\"room\":\"a\"},\"meta\":{\"v\":3},\"seq\":3}")).isFalse();
    assertThat(matches(match, "{\"type\":\"sub\",\"payload\":{\"room\":\"a\"},\"meta\":{\"v\":2}}")).isFalse();
    assertThat(matches(match, "not json")).isFalse();
    assertThat(match.matches(ClientMessage.binary(new byte[] {1}))).isFalse();
  }

  @Test
  void aFieldNameWithASlashIsAPointerOnlyWhenItStartsWithOne() throws Exception {
    assertThat(matches(json("{\"a/b\":1}"), "{\"a/b\":1}")).isTrue();
    assertThat(matches(json("{\"/a/b\":1}"), "{\"a\":{\"b\":1}}")).isTrue();
    assertThat(matches(json("{\"k\":null}"), "{\"k\":null}")).isTrue();
    assertThat(matches(json("{\"k\":null}"), "{}")).isFalse();
    assertThat(matches(json("{\"list\":[1,2]}"), "{\"list\":[1,2]}")).isTrue();
    assertThat(matches(json("{\"list\":[1]}"), "{\"list\":[1,2]}")).isFalse();
  }

  @Test
  void textFindsTheRegexAndExposesGroupsByNumberAndName() {
    MessageMatch match = MessageMatch.text("^PING (?<id>\\d+)");
    ClientMessage message = ClientMessage.text("PING 42 extra");
    assertThat(match.matches(message)).isTrue();
    assertThat(match.groups(message)).containsEntry("0", "PING 42").containsEntry("1", "42").containsEntry("id", "42");
    assertThat(match.matches(ClientMessage.text("PONG 42"))).isFalse();
  }

  @Test
  void groupsIgnoreWhatOnlyLooksLikeANamedGroup() {
    MessageMatch escaped = MessageMatch.text("\\Q(?<x>)\\E");
    MessageMatch inClass = MessageMatch.text("[(?<y>)]");
    assertThat(escaped.groups(ClientMessage.text("(?<x>)"))).containsOnly(Map.entry("0", "(?<x>)"));
    assertThat(inClass.groups(ClientMessage.text("?"))).containsOnly(Map.entry("0", "?"));
  }

  @Test
  void binaryMatchesOnlyBinaryAndAnEmptyMatchEveryText() {
    MessageMatch binary = new MessageMatch(null, null, true);
    assertThat(binary.matches(ClientMessage.binary(new byte[0]))).isTrue();
    assertThat(binary.matches(ClientMessage.text("x"))).isFalse();
    MessageMatch any = new MessageMatch(null, null, null);
    assertThat(any.matches(ClientMessage.text("x"))).isTrue();
    assertThat(any.matches(ClientMessage.binary(new byte[0]))).isFalse();
  }

  @Test
  void aMessageIsParsedOnceHoweverManyMatchesLookAtIt() {
    ClientMessage message = ClientMessage.text("{\"type\":\"a\"}");
    assertThat(message.json()).isSameAs(message.json());
    Problems problems = Problems.root();
    MessageMatch.text("(").validate(problems);
    assertThat(problems.list()).singleElement().asString().contains("text: '(' is not a valid regular expression");
  }
}
