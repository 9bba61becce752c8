package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots share unchanged subtrees and never change after they are handed out. */
class StructuralSharingTest {

  @Test
  void appendingToABigArrayKeepsEveryEarlierElementInstance() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    StringBuilder text = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 10_000; i++) {
      text.append(i == 0 ? "" : ",")
          .append("{\"k\":")
          .append(i)
          .append(",\"s\":\"v")
          .append(i)
          .append("\"}");
    }
    parser.feed(text);
    JsonObject before = (JsonObject) parser.snapshot().orElseThrow();
    String beforeText = before.toJson();
    JsonArray beforeItems = (JsonArray) before.get("items").orElseThrow();
    assertThat(beforeItems.size()).isEqualTo(10_000);

    parser.feed(",{\"k\":10000,\"s\":\"v1");
    JsonObject after = (JsonObject) parser.snapshot().orElseThrow();
    JsonArray afterItems = (JsonArray) after.get("items").orElseThrow();
    assertThat(afterItems.size()).isEqualTo(10_001);
    for (int i = 0; i < beforeItems.size(); i++) {
      assertThat(afterItems.get(i)).isSameAs(beforeItems.get(i));
    }
    assertThat(afterItems).isNotSameAs(beforeItems);
    assertThat(((JsonObject) afterItems.get(10_000)).get("s")).contains(JsonString.partial("v1"));

    parser.feed("0000\"},{\"k\":1");
    JsonArray laterItems =
        (JsonArray) ((JsonObject) parser.snapshot().orElseThrow()).get("items").orElseThrow();
    assertThat(laterItems.size()).isEqualTo(10_002);
    assertThat(((JsonObject) laterItems.get(10_000)).get("s")).contains(JsonString.of("v10000"));

    // The old snapshots are untouched by everything fed since.
    assertThat(before.toJson()).isEqualTo(beforeText);
    assertThat(beforeItems.size()).isEqualTo(10_000);
    assertThat(((JsonObject) afterItems.get(10_000)).get("s")).contains(JsonString.partial("v1"));
    assertThat(afterItems.complete()).isFalse();
  }

  @Test
  void anOpenStringSnapshotKeepsItsTextWhileTheNextStringsAreRead() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    List<JsonChange> changes = parser.feed("[\"abc");
    JsonString fromChange = (JsonString) ((JsonChange.Added) changes.get(1)).value();
    JsonArray first = (JsonArray) parser.snapshot().orElseThrow();
    parser.feed("def\",\"xyz");
    JsonArray second = (JsonArray) parser.snapshot().orElseThrow();
    parser.feed("123456789012345678901234567890123456789\",\"q\"]");
    assertThat(fromChange.value()).isEqualTo("abc");
    assertThat(fromChange.complete()).isFalse();
    assertThat(first.get(0)).isEqualTo(JsonString.partial("abc"));
    assertThat(second.get(0)).isEqualTo(JsonString.of("abcdef"));
    assertThat(second.get(1)).isEqualTo(JsonString.partial("xyz"));
    assertThat(parser.snapshot().orElseThrow().toJson())
        .isEqualTo("[\"abcdef\",\"xyz123456789012345678901234567890123456789\",\"q\"]");
  }

  @Test
  void membersOfBigObjectsAreFoundInEachSnapshotsOwnPrefix() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{");
    JsonObject[] snapshots = new JsonObject[50];
    for (int i = 0; i < 50; i++) {
      parser.feed((i == 0 ? "" : ",") + "\"m" + i + "\":" + i + " ");
      snapshots[i] = (JsonObject) parser.snapshot().orElseThrow();
    }
    parser.feed(",\"m7\":\"again\"}");
    JsonObject last = (JsonObject) parser.snapshot().orElseThrow();
    for (int i = 0; i < 50; i++) {
      assertThat(snapshots[i].size()).isEqualTo(i + 1);
      for (int j = 0; j < 50; j++) {
        if (j <= i) assertThat(snapshots[i].get("m" + j)).contains(JsonNumber.of(j));
        else assertThat(snapshots[i].get("m" + j)).isEmpty();
      }
    }
    assertThat(last.size()).isEqualTo(51);
    assertThat(last.get("m7")).contains(JsonString.of("again"));
    assertThat(snapshots[49].get("m7")).contains(JsonNumber.of(7));
    assertThat(last.toJsonNode().get("m7").textValue()).isEqualTo("again");
  }
}
