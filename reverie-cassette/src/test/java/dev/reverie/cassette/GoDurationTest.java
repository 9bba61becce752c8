package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
  @Test
  void formatsLikeGo() {
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.format(Duration.ofNanos(999))).isEqualTo("999ns");
    assertThat(GoDuration.format(Duration.ofNanos(1_500))).isEqualTo("1.5µs");
    assertThat(GoDuration.format(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(GoDuration.format(Duration.ofNanos(1_133_625_875))).isEqualTo("1.133625875s");
    assertThat(GoDuration.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(GoDuration.format(Duration.ofSeconds(62).plusMillis(500))).isEqualTo("1m2.5s");
    assertThat(GoDuration.format(Duration.ofHours(1).plusSeconds(1))).isEqualTo("1h0m1s");
  }
}
