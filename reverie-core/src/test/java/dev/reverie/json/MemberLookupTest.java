package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * How records find their members (in order, out of order, duplicated, by Java name, among many
 * unknown members) and how large objects index their names for snapshots of any age.
 */
class MemberLookupTest {
  record Point(Integer x, Integer y, String label) {}

  record Renamed(@JsonProperty("y") Integer first, Integer y, String camelName) {}

  private static JsonValue partial(String text) {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed(text);
    return parser.snapshot().orElseThrow();
  }

  @Test
  void membersBindInAnyOrderAndTheLastDuplicateWins() {
    TypedBinder<Point> binder = TypedBinder.of(Point.class);
    assertThat(binder.bind(JsonValue.parse("{\"x\":1,\"y\":2,\"label\":\"a\"}")))
        .isEqualTo(new Point(1, 2, "a"));
    assertThat(binder.bind(JsonValue.parse("{\"label\":\"b\",\"y\":2,\"x\":1}")))
        .isEqualTo(new Point(1, 2, "b"));
    assertThat(binder.bind(JsonValue.parse("{\"x\":1,\"y\":2,\"x\":3,\"other\":[1]}")))
        .isEqualTo(new Point(3, 2, null));
    assertThat(binder.bind(partial("{\"x\":1,\"x\":5,\"label\":\"gro")))
        .isEqualTo(new Point(5, null, "gro"));
  }

  @Test
  void aJsonNameSharedWithAnotherComponentsJavaNameFeedsBoth() {
    TypedBinder<Renamed> binder = TypedBinder.of(Renamed.class);
    // "y" is the JSON name of first and of y; camel_name falls back to camelName.
    assertThat(binder.bind(JsonValue.parse("{\"y\":7,\"camelName\":\"c\"}")))
        .isEqualTo(new Renamed(7, 7, "c"));
    assertThat(binder.bind(JsonValue.parse("{\"camelName\":\"c\",\"camel_name\":\"s\"}")))
        .isEqualTo(new Renamed(null, null, "s"));
  }

  @Test
  void aRecordAmongManyUnknownMembersStillFindsItsOwn() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < 100; i++) {
      text.append("\"m").append(i).append("\":").append(i).append(',');
    }
    text.append("\"y\":2,\"m3\":0,\"x\":1,\"y\":4}");
    JsonObject object = (JsonObject) JsonValue.parse(text);
    assertThat(TypedBinder.of(Point.class).bind(object)).isEqualTo(new Point(1, 4, null));
    assertThat(object.get("m3")).contains(JsonNumber.of(0));
    assertThat(object.get("m4")).contains(JsonNumber.of(4));
    assertThat(object.get("absent")).isEmpty();
  }

  @Test
  void olderSnapshotsOfALargeObjectSeeOnlyTheirOwnMembers() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{");
    List<JsonObject> snapshots = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      parser.feed((i == 0 ? "" : ",") + "\"k" + (i % 30) + "\":" + i + " ");
      snapshots.add((JsonObject) parser.snapshot().orElseThrow());
    }
    // The newest snapshot indexes all 40 names (with duplicates past 30) first.
    JsonObject newest = snapshots.get(39);
    assertThat(newest.get("k5")).contains(JsonNumber.of(35));
    for (int i = 0; i < 40; i++) {
      JsonObject snapshot = snapshots.get(i);
      assertThat(snapshot.get("k5").map(JsonValue::toJson).orElse("absent"))
          .isEqualTo(i < 5 ? "absent" : i < 35 ? "5" : "35");
      assertThat(snapshot.has("k" + Math.min(i, 29))).isTrue();
      assertThat(snapshot.has("k" + (i + 1))).isFalse();
    }
  }

  @Test
  void aLargeObjectIsIndexedSafelyFromSeveralThreads() throws Exception {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < 500; i++) {
      text.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":").append(i);
    }
    JsonObject object = (JsonObject) JsonValue.parse(text.append('}'));
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 499 - offset; i >= 0; i -= 3) {
                    if (!object.get("n" + i).orElseThrow().equals(JsonNumber.of(i))) {
                      throw new AssertionError("wrong value for n" + i);
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) thread.join();
    assertThat(failure.get()).isNull();
  }

  @Test
  void unchangedNumbersAreConvertedOncePerBinding() {
    record Counts(Long a, Integer b, Double c) {}
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<Counts> binder = TypedBinder.of(Counts.class);
    parser.feed("{\"a\":12345678901,\"b\":7,");
    Counts first = binder.bind(parser.snapshot().orElseThrow());
    parser.feed("\"c\":2.5}");
    Counts second = binder.bind(parser.snapshot().orElseThrow());
    assertThat(second).isEqualTo(new Counts(12345678901L, 7, 2.5));
    assertThat(second.a()).isSameAs(first.a());
    // Another binding of the same number converts it for itself.
    record Wide(Double a) {}
    assertThat(TypedBinder.of(Wide.class).bind(parser.snapshot().orElseThrow()))
        .isEqualTo(new Wide(12345678901d));
  }
}
