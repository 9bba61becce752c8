package dev.reverie.tool;

/**
 * The code behind a typed tool: receives the arguments bound to a Java type, usually a record.
 *
 * <p>The returned value becomes the tool's output: a {@link dev.reverie.message.ToolOutput} as it
 * is, a {@link CharSequence} as text, {@code null} as empty text, anything else as JSON (with
 * snake_case property names). Threading and failure rules are those of {@link ToolFunction}.
 *
 * @param <T> the arguments type
 */
@FunctionalInterface
public interface TypedToolFunction<T> {
  Object execute(T arguments) throws Exception;
}
