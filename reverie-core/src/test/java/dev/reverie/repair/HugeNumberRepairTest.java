package dev.reverie.repair;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.JsonLimitException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HugeNumberRepairTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"{\"n\": 1e99999999999}", "{\"n\": 1e99999999999", "[1.5E-99999999999, 'x'"})
  void aNumberWhoseExponentOverflowsIsATypedError(String text) {
    assertThatThrownBy(() -> JsonRepair.repairToTree(text))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("exponent");
    assertThatThrownBy(() -> JsonRepair.repair(text)).isInstanceOf(JsonLimitException.class);
  }
}
