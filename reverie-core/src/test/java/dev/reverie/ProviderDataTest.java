package dev.reverie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Provider data: value semantics that agree with each other, and no secret in its text. */
class ProviderDataTest {
  private static JsonObject object(String json) {
    return (JsonObject) JsonValue.parse(json);
  }

  @Test
  void memberOrderDoesNotMatterAtAnyDepthForEqualsAndHashCode() {
    var a = ProviderData.of("openrouter", object("{\"r\":{\"effort\":\"high\",\"max_tokens\":5}}"));
    var b = ProviderData.of("openrouter", object("{\"r\":{\"max_tokens\":5,\"effort\":\"high\"}}"));
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    var set = new HashSet<ProviderData>();
    set.add(a);
    assertThat(set).contains(b);
  }

  @Test
  void theLastOfDuplicateNamesCountsForEqualsAndHashCodeAlike() {
    var duplicated = ProviderData.of("x", object("{\"a\":1,\"a\":2}"));
    var single = ProviderData.of("x", object("{\"a\":2}"));
    assertThat(duplicated).isEqualTo(single);
    assertThat(duplicated.hashCode()).isEqualTo(single.hashCode());
  }

  @Test
  void arraysStillCompareInOrder() {
    assertThat(ProviderData.of("x", object("{\"a\":[1,2]}")))
        .isNotEqualTo(ProviderData.of("x", object("{\"a\":[2,1]}")));
  }

  @Test
  void toStringRedactsSecretLookingMembersAtAnyDepth() {
    var data =
        ProviderData.of(
                "vercel",
                object(
                    "{\"byok\":{\"anthropic\":[{\"apiKey\":\"sk-ant-SECRET\"}]},"
                        + "\"order\":[\"bedrock\"]}"))
            .with(
                "custom",
                object(
                    "{\"extra\":{\"headers\":{\"Authorization\":\"Bearer SECRET\"},"
                        + "\"access_token\":\"SECRET\",\"n\":1}}"));
    String text = data.toString();
    assertThat(text).doesNotContain("SECRET");
    assertThat(text)
        .isEqualTo(
            "ProviderData{vercel={\"byok\":\"[redacted]\",\"order\":[\"bedrock\"]},"
                + " custom={\"extra\":{\"headers\":{\"Authorization\":\"[redacted]\"},"
                + "\"access_token\":\"[redacted]\",\"n\":1}}}");
    assertThat(Call.builder(Prompt.user("hi")).providerOptions(data).build().toString())
        .doesNotContain("SECRET");
  }
}
