package dev.reverie;

import dev.reverie.message.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The conversation sent to a model: an ordered, immutable list of messages. */
public record Prompt(List<Message> messages) {
  public Prompt {
    messages = List.copyOf(messages);
  }

  public static Prompt of(Message... messages) {
    return new Prompt(Arrays.asList(messages));
  }

  public static Prompt of(List<Message> messages) {
    return new Prompt(messages);
  }

  /** One user message. */
  public static Prompt user(String text) {
    return of(Message.user(text));
  }

  /** A system message followed by one user message. */
  public static Prompt of(String system, String user) {
    return of(Message.system(system), Message.user(user));
  }

  /** A copy with {@code more} appended. */
  public Prompt plus(Message... more) {
    var list = new ArrayList<>(messages);
    list.addAll(Arrays.asList(more));
    return new Prompt(list);
  }

  /** A copy with {@code more} appended. */
  public Prompt plus(List<Message> more) {
    var list = new ArrayList<>(messages);
    list.addAll(more);
    return new Prompt(list);
  }
}
