package dev.reverie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it, output captured (piped: one line per change). */
class DemoCommandTest {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = ReverieCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theDemoReplaysTheSeedAndShowsTheBookFillingIn() {
    Run run = run("demo", "--plain");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("title=The, ")
        .contains("title=The Lord, ")
        .contains("genres=[fantasy]")
        .contains("genres=[fantasy, adventure]")
        .contains("\"published_year\":1954")
        .contains("345 total tokens");
    assertThat(run.out()).doesNotContain("publishedYear=195,").doesNotContain("publishedYear=19,");
  }

  @Test
  void errorsAreOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path schema = dir.resolve("book.json");
    Files.writeString(schema, "{\"type\":\"object\"}");
    Run run = run("object", "--model", "nosuch:model", "--schema", schema.toString(), "hi");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .startsWith("reverie: unknown provider 'nosuch'")
        .doesNotContain("\tat ");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void debugShowsTheStackTrace(@TempDir Path dir) throws Exception {
    Path schema = dir.resolve("book.json");
    Files.writeString(schema, "{\"type\":\"object\"}");
    Run run =
        run("object", "--debug", "--model", "nosuch:model", "--schema", schema.toString(), "hi");
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void conformanceReportsTheSummary() {
    Run run =
        run(
            "conformance",
            "../reverie-cassette/src/test/resources/cassettes/TestOpenAIObjectGeneration");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("requests identical: 8/8")
        .contains("8 passed, 0 failed, 0 skipped");
  }

  @Test
  void aMissingSchemaFileIsNamedClearly() {
    Run run =
        run("object", "--model", "openai:o4-mini", "--schema", "/nonexistent/book.json", "hi");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "reverie: cannot read the schema file /nonexistent/book.json: no such file (run with --debug for details)");
  }
}
