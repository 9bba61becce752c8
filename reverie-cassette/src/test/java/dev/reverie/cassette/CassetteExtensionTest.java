package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class CassetteExtensionTest {
  private static final String TWO_TURNS = "extension/two_turns.yaml";
  private static final String TEST_KIT_PARAMETER = "dev.reverie.cassette.testkit";

  static String send(Transport transport, int turn) {
    var request =
        HttpRequest.postJson(
            URI.create("https://api.example.com/v1/echo"),
            HttpHeaders.of("Authorization", "Bearer sk-secret"),
            "{\"turn\":" + turn + "}");
    try (HttpResponse response = transport.send(request)) {
      return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  // Runs here under Maven, against the root the pom sets: src/test/resources/fixtures.
  @Test
  @UseCassette(TWO_TURNS)
  void injectsAReplayTransportForTheAnnotatedCassette(ReplayTransport transport) {
    assertThat(send(transport, 1)).isEqualTo("{\"reply\":1}");
    assertThat(send(transport, 2)).isEqualTo("{\"reply\":2}");
    assertThat(transport.cassette().source()).endsWith("two_turns.yaml");
  }

  @Test
  void passesWhenEveryInteractionWasUsed() {
    Events tests = run(UsesEverything.class).testEvents();
    tests.assertStatistics(stats -> stats.started(3).succeeded(3).failed(0));
  }

  @Test
  void failsATestThatLeftInteractionsUnused() {
    Events tests = run(LeavesOneUnused.class).testEvents();
    tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    Throwable failure = onlyFailure(tests);
    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("two_turns.yaml")
        .hasMessageContaining("1 of 2 recorded interactions were not used (ids 1)");
  }

  @Test
  void unusedInteractionsReportTheUnmatchedRequests() {
    Throwable failure = onlyFailure(run(SendsTheWrongRequest.class).testEvents());
    assertThat(failure)
        .hasMessageContaining("2 of 2 recorded interactions were not used (ids 0, 1)")
        .hasMessageContaining("unmatched request POST https://api.example.com/v1/echo")
        .hasMessageContaining("/turn: recorded 1 but sent 3")
        .hasMessageNotContaining("sk-secret");
  }

  @Test
  void aFailingTestKeepsItsOwnFailure() {
    Throwable failure = onlyFailure(run(FailsByItself.class).testEvents());
    assertThat(failure).hasMessage("the test's own failure");
  }

  @Test
  void missingCassetteFailsTheTestClearly() {
    Throwable failure = onlyFailure(run(MissingCassette.class).testEvents());
    assertThat(failure)
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("no_such_cassette.yaml does not exist");
  }

  @Test
  void parameterWithoutAnnotationIsAResolutionError() {
    Throwable failure = onlyFailure(run(NoAnnotation.class).testEvents());
    assertThat(failure).hasMessageContaining("no @UseCassette");
  }

  @Test
  void rootComesFromTheConfigurationParameter() {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(TEST_KIT_PARAMETER, "true")
            .configurationParameter(CassetteExtension.ROOT_PROPERTY, TestCassettes.ROOT.toString())
            .selectors(selectClass(UsesTheConformanceRoot.class))
            .execute()
            .testEvents();
    tests.assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  private static EngineExecutionResults run(Class<?> type) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(TEST_KIT_PARAMETER, "true")
        .selectors(selectClass(type))
        .execute();
  }

  private static Throwable onlyFailure(Events tests) {
    List<Throwable> failures = new ArrayList<>();
    tests.failed().stream()
        .forEach(
            event ->
                event
                    .getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .ifPresent(failures::add));
    assertThat(failures).hasSize(1);
    return failures.get(0);
  }

  /** Keeps the sample test classes below from running except inside the test kit. */
  static final class OnlyInTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<String> flag = context.getConfigurationParameter(TEST_KIT_PARAMETER);
      return flag.isPresent()
          ? ConditionEvaluationResult.enabled("inside the test kit")
          : ConditionEvaluationResult.disabled("a sample run only by CassetteExtensionTest");
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  @UseCassette(TWO_TURNS)
  static class UsesEverything {
    private String fromBeforeEach;

    @BeforeEach
    void firstTurn(Transport transport) {
      fromBeforeEach = send(transport, 1);
    }

    @Test
    void transportParameter(Transport transport) {
      assertThat(fromBeforeEach).isEqualTo("{\"reply\":1}");
      assertThat(send(transport, 2)).isEqualTo("{\"reply\":2}");
    }

    @Test
    void sameTransportInBeforeEachAndTest(ReplayTransport transport, Cassette cassette) {
      assertThat(transport.requests()).hasSize(1);
      assertThat(cassette.interactions()).hasSize(2);
      send(transport, 2);
    }

    @Test
    @UseCassette(value = TWO_TURNS, requireAllUsed = false)
    void methodAnnotationWins(ReplayTransport transport) {
      assertThat(transport.unusedInteractions()).hasSize(1);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  static class LeavesOneUnused {
    @Test
    @UseCassette(TWO_TURNS)
    void usesOnlyTheFirst(Transport transport) {
      send(transport, 1);
    }

    @Test
    @UseCassette(value = TWO_TURNS, requireAllUsed = false)
    void allowedToLeaveSomeUnused(Transport transport) {
      send(transport, 1);
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  static class SendsTheWrongRequest {
    @Test
    @UseCassette(TWO_TURNS)
    void swallowsTheReplayFailure(Transport transport) {
      try {
        send(transport, 3);
      } catch (RuntimeException expected) {
        // the provider under test might swallow it too
      }
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  static class FailsByItself {
    @Test
    @UseCassette(TWO_TURNS)
    void fails(Transport transport) {
      throw new AssertionError("the test's own failure");
    }
  }

  @ExtendWith(OnlyInTestKit.class)
  static class MissingCassette {
    @Test
    @UseCassette("extension/no_such_cassette.yaml")
    void neverRuns(Transport transport) {}
  }

  @ExtendWith({OnlyInTestKit.class, CassetteExtension.class})
  static class NoAnnotation {
    @Test
    void wantsATransport(Transport transport) {}
  }

  @ExtendWith(OnlyInTestKit.class)
  static class UsesTheConformanceRoot {
    @Test
    @UseCassette(
        value = "TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.yaml",
        requireAllUsed = false)
    void loadsFromTheConfiguredRoot(Cassette cassette) {
      assertThat(cassette.interactions()).hasSize(1);
    }
  }
}
