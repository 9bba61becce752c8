package dev.reverie.codec.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.tool.ProviderToolSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComputerUseVersionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "claude-opus-4-5",
        "claude-opus-4-5-20251101",
        "claude-opus-4-5@20251101",
        "claude-opus-4-6",
        "claude-sonnet-4-6",
        "claude-opus-4-7",
        "claude-haiku-4-6",
        "claude-opus-5",
        "claude-sonnet-5-1-20270101",
        "us.anthropic.claude-opus-4-5-20251101-v1:0",
        "publishers/anthropic/models/claude-opus-4-6",
        "Claude-Opus-4-6"
      })
  void opus45AndEveryModelFrom46OnTakeTheNovember2025Tool(String modelId) {
    assertThat(ComputerUseVersion.forModel(modelId)).contains(ComputerUseVersion.COMPUTER_20251124);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "claude-sonnet-4-20250514",
        "claude-sonnet-4@20250514",
        "claude-opus-4-20250514",
        "claude-opus-4-1-20250805",
        "claude-opus-4-1",
        "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-5",
        "claude-haiku-4-5-20251001",
        "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        "anthropic.claude-sonnet-4-20250514-v1:0",
        "claude-3-7-sonnet-20250219",
        "claude-3-7-sonnet-latest"
      })
  void olderClaude4ModelsAndSonnet37TakeTheJanuary2025Tool(String modelId) {
    assertThat(ComputerUseVersion.forModel(modelId)).contains(ComputerUseVersion.COMPUTER_20250124);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "claude-3-5-haiku-20241022",
        "claude-3-5-sonnet-20241022",
        "claude-3-opus-20240229",
        "claude-2.1",
        "gpt-4o",
        "claude-",
        ""
      })
  void modelsWithoutAKnownVersionGetNone(String modelId) {
    assertThat(ComputerUseVersion.forModel(modelId)).isEmpty();
  }

  @Test
  void aDateIsNeverReadAsAMinorVersion() {
    // 4-20250514 is Sonnet 4 of May 2025, not a version 4.20250514.
    assertThat(ComputerUseVersion.forModel("claude-sonnet-4-20251201"))
        .contains(ComputerUseVersion.COMPUTER_20250124);
  }

  @Test
  void toolForModelUsesTheModelsVersion() {
    ProviderToolSpec tool = AnthropicTools.computerForModel("claude-opus-4-6", 1920, 1080);
    assertThat(tool.id()).isEqualTo("anthropic.computer_20251124");
    assertThat(tool.args().toJsonNode().get("display_width_px").intValue()).isEqualTo(1920);
    assertThat(tool.args().toJsonNode().get("display_height_px").intValue()).isEqualTo(1080);
    assertThat(AnthropicTools.computerForModel("claude-sonnet-4-20250514", 800, 600).id())
        .isEqualTo("anthropic.computer_20250124");
  }

  @Test
  void toolForAnUnknownModelIsAClearError() {
    assertThatThrownBy(() -> AnthropicTools.computerForModel("claude-3-5-haiku-latest", 800, 600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claude-3-5-haiku-latest")
        .hasMessageContaining("ComputerUseVersion");
  }
}
