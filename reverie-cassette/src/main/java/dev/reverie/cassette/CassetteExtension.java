package dev.reverie.cassette;

import dev.reverie.transport.Transport;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link UseCassette}: loads the test's cassette before each test,
 * injects a {@link ReplayTransport} (as {@code ReplayTransport} or {@code Transport}) or the {@link
 * Cassette}, and after a test that otherwise passed fails it if some recorded interaction was never
 * used (unless {@link UseCassette#requireAllUsed()} is false).
 *
 * <p>Cassette paths are resolved against the root named by the JUnit configuration parameter or
 * system property {@value #ROOT_PROPERTY} (the configuration parameter wins), by default {@value
 * #DEFAULT_ROOT} relative to the working directory (the module directory under Maven).
 */
public final class CassetteExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** Configuration parameter and system property naming the cassette root directory. */
  public static final String ROOT_PROPERTY = "reverie.cassettes";

  /** The cassette root when {@value #ROOT_PROPERTY} is not set. */
  public static final String DEFAULT_ROOT = "src/test/resources/cassettes";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CassetteExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    replay(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ReplayTransport.class || type == Transport.class || type == Cassette.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<Replay> replay = replay(context);
    if (replay.isEmpty()) {
      throw new ParameterResolutionException(
          "no @UseCassette on "
              + context.getDisplayName()
              + " or its class, so there is no cassette to inject into "
              + parameter.getParameter());
    }
    Class<?> type = parameter.getParameter().getType();
    return type == Cassette.class ? replay.get().transport().cassette() : replay.get().transport();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Replay replay = context.getStore(NAMESPACE).get(context.getUniqueId(), Replay.class);
    if (replay == null || context.getExecutionException().isPresent()) return;
    if (!replay.annotation().requireAllUsed() || replay.transport().allUsed()) return;
    throw new AssertionError(unusedMessage(replay));
  }

  /** The replay of the current test, created on first use; empty without {@code @UseCassette}. */
  private static Optional<Replay> replay(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) return Optional.empty();
    Optional<UseCassette> annotation = findAnnotation(context);
    if (annotation.isEmpty()) return Optional.empty();
    return Optional.of(
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                context.getUniqueId(), key -> load(context, annotation.get()), Replay.class));
  }

  private static Replay load(ExtensionContext context, UseCassette annotation) {
    String root =
        context
            .getConfigurationParameter(ROOT_PROPERTY)
            .orElseGet(() -> System.getProperty(ROOT_PROPERTY, DEFAULT_ROOT));
    Path path = Path.of(root).resolve(annotation.value());
    return new Replay(
        annotation, new ReplayTransport(Cassette.load(path), annotation.chunkBytes()));
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

  private static String unusedMessage(Replay replay) {
    ReplayTransport transport = replay.transport();
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

  /** What the extension keeps for one test. */
  private record Replay(UseCassette annotation, ReplayTransport transport) {}
}
