package dev.reverie.codec.chat;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * The factory of a chat-completions service that needs no more than its dialect: subclass it with
 * the id, description, key variable, default base URL and dialect, list the subclass in {@code
 * META-INF/services/dev.reverie.spi.ProviderFactory}, and the service opens by name ({@code
 * id:model}) in code, the CLI and the conformance runner.
 *
 * <pre>{@code
 * public final class GroqProviderFactory extends ChatServiceFactory {
 *   public String id() { return "groq"; }
 *   public String description() { return "Groq (api.groq.com)"; }
 *   public String apiKeyVariable() { return "GROQ_API_KEY"; }
 *   protected String defaultBaseUrl() { return "https://api.groq.com/openai/v1"; }
 *   protected ChatDialect dialect() { return new GroqDialect(); }
 * }
 * }</pre>
 */
public abstract class ChatServiceFactory implements ProviderFactory {
  /** The service's base URL ({@code /chat/completions} is appended). */
  protected abstract String defaultBaseUrl();

  /** The service's dialect; dialects are stateless, so one instance may serve every model. */
  protected abstract ChatDialect dialect();

  @Override
  public Provider create(ProviderSettings settings) {
    ChatDialect dialect = dialect();
    return ChatService.builder(id(), defaultBaseUrl(), () -> dialect).settings(settings).build();
  }
}
