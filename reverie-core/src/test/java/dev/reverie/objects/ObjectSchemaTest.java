package dev.reverie.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.ObjectSchema;
import dev.reverie.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectSchemaTest {
  record Review(String reviewer, int stars) {}

  record Shelf(String label, List<Review> reviews) {}

  @Test
  void aClassSchemaIsMadeOnceAndStaysUnchangedForEveryCaller() {
    ObjectSchema<Shelf> first = ObjectSchema.of(Shelf.class);
    assertThat(ObjectSchema.of(Shelf.class)).isSameAs(first);
    // Callers get copies: changing one cannot change the shared schema.
    ((ObjectNode) first.schema().toJsonNode()).put("title", "changed");
    assertThat(ObjectSchema.of(Shelf.class).schema().has("title")).isFalse();
    // Renaming makes a new schema; the shared one keeps its name.
    assertThat(first.named("Other").name()).isEqualTo("Other");
    assertThat(ObjectSchema.of(Shelf.class).name()).isEqualTo("Shelf");
    Shelf bound = first.bind(JsonValue.parse("{\"label\":\"a\",\"reviews\":[{\"stars\":4}]}"));
    assertThat(bound.reviews()).containsExactly(new Review(null, 4));
  }

  @Test
  void recordsOfTheSameShapeInDifferentClassesGetTheirOwnSchema() {
    record Other(String label, List<Review> reviews) {}
    assertThat(ObjectSchema.of(Other.class).name()).isEqualTo("Other");
    assertThat(ObjectSchema.of(Other.class)).isNotSameAs(ObjectSchema.of(Shelf.class));
  }
}
