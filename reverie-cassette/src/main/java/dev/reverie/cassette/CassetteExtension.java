package dev.reverie.cassette;

import dev.reverie.transport.JdkHttpTransport;
import dev.reverie.transport.Transport;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link UseCassette}: before each test it either loads the test's
 * cassette for replay or starts recording it, and injects what the test declares.
 *
 * <p>Injectable parameters: {@link Transport} (the replaying or the recording transport), {@link
 * ReplayTransport} and {@link Cassette} (replay only), {@link RecordingTransport} (record only),
 * and {@link CassetteMode} (whether this test replays or records, {@link CassetteMode#RECORD_ONCE}
 * resolved, e.g. to skip real authentication while replaying).
 *
 * <p>After a replaying test that otherwise passed, the extension fails it if some recorded
 * interaction was never used (unless {@link UseCassette#requireAllUsed()} is false). After a
 * recording test that passed, it writes the cassette, replacing an earlier one; a recording test
 * that failed writes nothing, so a good cassette is never replaced by a broken conversation.
 * Recording goes through one shared {@link JdkHttpTransport}, and only what {@link
 * RecordingTransport} keeps reaches the file: no credentials.
 *
 * <p>Cassette paths are resolved against the root named by the JUnit configuration parameter or
 * system property {@value #ROOT_PROPERTY} (the configuration parameter wins), by default {@value
 * #DEFAULT_ROOT} relative to the working directory (the module directory under Maven). The mode is
 * the annotation's unless the configuration parameter or system property {@value
 * CassetteMode#PROPERTY} names one for the whole run.
 */
public final class CassetteExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** Configuration parameter and system property naming the cassette root directory. */
  public static final String ROOT_PROPERTY = "reverie.cassettes";

  /** The cassette root when {@value #ROOT_PROPERTY} is not set. */
  public static final String DEFAULT_ROOT = "src/test/resources/cassettes";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CassetteExtension.class);
  private static final Set<Class<?>> INJECTABLE =
      Set.of(
          Transport.class,
          ReplayTransport.class,
          RecordingTransport.class,
          Cassette.class,
          CassetteMode.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    session(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<Session> found = session(context);
    if (found.isEmpty()) {
      throw new ParameterResolutionException(
          "no @UseCassette on "
              + context.getDisplayName()
              + " or its class, so there is no cassette to inject into "
              + parameter.getParameter());
    }
    Session session = found.get();
    Class<?> type = parameter.getParameter().getType();
    if (type == Transport.class) return session.transport();
    if (type == CassetteMode.class) return session.mode();
    if (type == RecordingTransport.class) {
      if (session.transport() instanceof RecordingTransport recording) return recording;
      throw unavailable(session, parameter, "is being replayed, not recorded");
    }
    if (session.transport() instanceof ReplayTransport replay) {
      return type == Cassette.class ? replay.cassette() : replay;
    }
    throw unavailable(
        session,
        parameter,
        "is being recorded, so there is nothing to replay yet; use a Transport");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Session session = context.getStore(NAMESPACE).get(context.getUniqueId(), Session.class);
    if (session == null || context.getExecutionException().isPresent()) return;
    if (session.transport() instanceof RecordingTransport recording) {
      recording.save(session.path());
      return;
    }
    var replay = (ReplayTransport) session.transport();
    if (!session.annotation().requireAllUsed() || replay.allUsed()) return;
    throw new AssertionError(unusedMessage(replay));
  }

  /** The cassette session of the current test, started on first use; empty without one. */
  private static Optional<Session> session(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) return Optional.empty();
    Optional<UseCassette> annotation = findAnnotation(context);
    if (annotation.isEmpty()) return Optional.empty();
    return Optional.of(
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                context.getUniqueId(), key -> start(context, annotation.get()), Session.class));
  }

  private static Session start(ExtensionContext context, UseCassette annotation) {
    String root =
        context
            .getConfigurationParameter(ROOT_PROPERTY)
            .orElseGet(() -> System.getProperty(ROOT_PROPERTY, DEFAULT_ROOT));
    Path path = Path.of(root).resolve(annotation.value());
    CassetteMode mode = requestedMode(context).orElse(annotation.mode());
    if (mode == CassetteMode.RECORD_ONCE) {
      mode = Files.exists(path) ? CassetteMode.REPLAY : CassetteMode.RECORD;
    }
    if (mode == CassetteMode.RECORD) {
      return new Session(annotation, mode, path, new RecordingTransport(RealNetwork.TRANSPORT));
    }
    return new Session(
        annotation, mode, path, new ReplayTransport(Cassette.load(path), annotation.chunkBytes()));
  }

  /** The mode set for the whole run, if any; a blank value sets none. */
  private static Optional<CassetteMode> requestedMode(ExtensionContext context) {
    return context
        .getConfigurationParameter(CassetteMode.PROPERTY)
        .or(() -> Optional.ofNullable(System.getProperty(CassetteMode.PROPERTY)))
        .filter(value -> !value.isBlank())
        .map(CassetteMode::parse);
  }

  private static ParameterResolutionException unavailable(
      Session session, ParameterContext parameter, String why) {
    return new ParameterResolutionException(
        "cassette "
            + session.path()
            + " "
            + why
            + ", so it cannot be injected into "
            + parameter.getParameter());
  }

  private static Optional<UseCassette> findAnnotation(ExtensionContext context) {
    Optional<UseCassette> onMethod = find(context.getRequiredTestMethod());
    if (onMethod.isPresent()) return onMethod;
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getEnclosingClass()) {
      Optional<UseCassette> onClass = find(type);
      if (onClass.isPresent()) return onClass;
    }
    return Optional.empty();
  }

  private static Optional<UseCassette> find(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, UseCassette.class);
  }

  private static String unusedMessage(ReplayTransport transport) {
    List<Interaction> unused = transport.unusedInteractions();
    String ids = unused.stream().map(i -> String.valueOf(i.id())).collect(Collectors.joining(", "));
    var message =
        new StringBuilder("cassette ")
            .append(transport.cassette().source())
            .append(": ")
            .append(unused.size())
            .append(" of ")
            .append(transport.cassette().interactions().size())
            .append(" recorded interactions were not used (ids ")
            .append(ids)
            .append(")");
    for (RequestCheck check : transport.checks()) {
      if (!check.matched()) {
        message
            .append("\n  unmatched request ")
            .append(check.method())
            .append(' ')
            .append(check.url())
            .append(": ")
            .append(check.difference());
      }
    }
    return message.toString();
  }

  /**
   * What the extension keeps for one test.
   *
   * @param mode {@link CassetteMode#REPLAY} or {@link CassetteMode#RECORD}, never {@code
   *     RECORD_ONCE}
   * @param transport a {@link ReplayTransport} when replaying, a {@link RecordingTransport} when
   *     recording
   */
  private record Session(
      UseCassette annotation, CassetteMode mode, Path path, Transport transport) {}

  /** The real network, created only when a test records; one client shared by every test. */
  private static final class RealNetwork {
    static final Transport TRANSPORT = JdkHttpTransport.create();
  }
}
