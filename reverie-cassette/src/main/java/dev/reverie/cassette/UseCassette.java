package dev.reverie.cassette;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Binds a cassette to a test, replayed or recorded as {@link #mode()} says: the test (or its
 * {@code @BeforeEach} methods) may declare a {@link dev.reverie.transport.Transport} parameter and
 * gets the one for this cassette, fresh for every test. On a test method it overrides one on the
 * class. See {@link CassetteExtension} for where the path is resolved and what else can be
 * injected.
 *
 * <p>For example, a test method annotated
 * {@code @UseCassette("TestOpenAICommon/gpt-4o/simple.yaml")} and declared as {@code void
 * simple(Transport transport)} replays that cassette through {@code transport}; with {@code mode =
 * CassetteMode.RECORD_ONCE} it records the cassette from the real provider the first time, and
 * replays it from then on.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CassetteExtension.class)
public @interface UseCassette {
  /** The cassette file, relative to the cassette root. */
  String value();

  /**
   * Replay, record, or record only when the cassette is missing. The system property {@value
   * CassetteMode#PROPERTY} overrides it for a whole run.
   */
  CassetteMode mode() default CassetteMode.REPLAY;

  /** Whether a replaying test fails when it did not use every recorded interaction. */
  boolean requireAllUsed() default true;

  /** The largest number of body bytes one read of a replayed body returns. */
  int chunkBytes() default ReplayTransport.DEFAULT_CHUNK_BYTES;
}
