package dev.reverie.conversation;

import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.agent.AgentResult;
import dev.reverie.agent.InvalidToolCall;
import dev.reverie.agent.Step;
import dev.reverie.json.JsonArray;
import dev.reverie.json.JsonBoolean;
import dev.reverie.json.JsonMember;
import dev.reverie.json.JsonNull;
import dev.reverie.json.JsonNumber;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonString;
import dev.reverie.json.JsonValue;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.Role;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random values of every stored type from a seed, deterministically: strings with
 * escapes, surrogate pairs and control characters, nested provider data with signatures and
 * encrypted blobs, numbers of every shape, media bytes (repeated, to exercise the media table).
 */
final class RandomConversationValues {
  private static final String[] PROVIDERS = {"anthropic", "openai", "google", "openrouter"};
  private static final String[] ALPHABET = {
    "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "é", "漢", "😀", "\u2028", "{",
    "]", "~"
  };
  private static final String[] NUMBERS = {
    "0", "-1", "42", "3.14", "1e10", "-2.5E-3", "12345678901234567890123", "0.1000", "1.0"
  };

  private final Random random;
  private final List<byte[]> media = new ArrayList<>();

  RandomConversationValues(long seed) {
    random = new Random(seed);
  }

  String string() {
    int length = random.nextInt(12);
    var out = new StringBuilder();
    for (int i = 0; i < length; i++) out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    return out.toString();
  }

  String nonEmpty() {
    return "x" + string();
  }

  byte[] bytes() {
    if (!media.isEmpty() && random.nextInt(3) == 0) return media.get(random.nextInt(media.size()));
    byte[] data = new byte[random.nextInt(64)];
    random.nextBytes(data);
    media.add(data);
    return data;
  }

  JsonValue json(int depth) {
    int choice = random.nextInt(depth <= 0 ? 4 : 6);
    return switch (choice) {
      case 0 -> JsonString.of(string());
      case 1 -> JsonNumber.of(NUMBERS[random.nextInt(NUMBERS.length)]);
      case 2 -> random.nextBoolean() ? JsonBoolean.TRUE : JsonBoolean.FALSE;
      case 3 -> JsonNull.INSTANCE;
      case 4 -> jsonObject(depth - 1);
      default -> {
        var elements = new ArrayList<JsonValue>();
        for (int i = random.nextInt(4); i > 0; i--) elements.add(json(depth - 1));
        yield JsonArray.of(elements);
      }
    };
  }

  JsonObject jsonObject(int depth) {
    var members = new ArrayList<JsonMember>();
    var names = new java.util.HashSet<String>();
    for (int i = random.nextInt(4); i > 0; i--) {
      String name = string();
      if (names.add(name)) members.add(new JsonMember(name, json(depth)));
    }
    return JsonObject.of(members);
  }

  ProviderData providerData() {
    ProviderData data = ProviderData.EMPTY;
    for (int i = random.nextInt(3); i > 0; i--) {
      JsonObject object = jsonObject(2);
      if (random.nextBoolean()) {
        var members = new ArrayList<>(object.members());
        members.removeIf(m -> m.name().equals("signature"));
        members.add(new JsonMember("signature", JsonString.of("EqQBCkYIBxgCKkD" + string())));
        object = JsonObject.of(members);
      }
      data = data.with(PROVIDERS[random.nextInt(PROVIDERS.length)], object);
    }
    return data;
  }

  ToolOutput toolOutput() {
    return switch (random.nextInt(4)) {
      case 0 -> ToolOutput.text(string());
      case 1 -> ToolOutput.json(json(3));
      case 2 -> ToolOutput.error(string());
      default -> new ToolOutput.Media(bytes(), "image/png", string());
    };
  }

  ToolCallPart toolCall() {
    String input = random.nextBoolean() ? "{\"a\": 1,  \"b\":[2 ,3]}" : json(2).toJson();
    return new ToolCallPart(nonEmpty(), nonEmpty(), input, random.nextBoolean(), providerData());
  }

  Part part() {
    return switch (random.nextInt(7)) {
      case 0 -> new TextPart(string(), providerData());
      case 1 -> new ReasoningPart(string(), providerData());
      case 2 -> new FilePart(string(), "image/jpeg", bytes(), "", providerData());
      case 3 ->
          new FilePart(
              string(),
              "application/pdf",
              random.nextBoolean() ? bytes() : new byte[0],
              "https://example.com/" + random.nextInt(1000) + ".pdf",
              providerData());
      case 4 -> toolCall();
      case 5 ->
          new ToolResultPart(
              nonEmpty(), nonEmpty(), toolOutput(), random.nextBoolean(), providerData());
      default ->
          new SourcePart(
              random.nextBoolean() ? SourcePart.Kind.URL : SourcePart.Kind.DOCUMENT,
              string(),
              string(),
              string(),
              providerData());
    };
  }

  List<Part> parts() {
    var parts = new ArrayList<Part>();
    for (int i = random.nextInt(5); i > 0; i--) parts.add(part());
    return parts;
  }

  Message message() {
    Role role = Role.values()[random.nextInt(Role.values().length)];
    return new Message(role, parts(), providerData());
  }

  List<Message> messages() {
    var messages = new ArrayList<Message>();
    for (int i = random.nextInt(5); i > 0; i--) messages.add(message());
    return messages;
  }

  Prompt prompt() {
    return Prompt.of(messages());
  }

  ToolSpec toolSpec() {
    return random.nextBoolean()
        ? new FunctionToolSpec(nonEmpty(), string(), jsonObject(3), providerData())
        : new ProviderToolSpec("anthropic." + nonEmpty(), nonEmpty(), jsonObject(2));
  }

  Usage usage() {
    return new Usage(
        random.nextInt(100_000),
        random.nextInt(100_000),
        random.nextLong() & Long.MAX_VALUE,
        random.nextInt(1000),
        random.nextInt(1000),
        random.nextInt(1000));
  }

  FinishReason finishReason() {
    return FinishReason.values()[random.nextInt(FinishReason.values().length)];
  }

  List<CallWarning> warnings() {
    var warnings = new ArrayList<CallWarning>();
    for (int i = random.nextInt(3); i > 0; i--) {
      warnings.add(
          new CallWarning(
              CallWarning.Kind.values()[random.nextInt(CallWarning.Kind.values().length)],
              string(),
              string()));
    }
    return warnings;
  }

  Response response() {
    return new Response(parts(), finishReason(), usage(), warnings(), providerData());
  }

  Step step(int index) {
    var invalid = new ArrayList<InvalidToolCall>();
    for (int i = random.nextInt(3); i > 0; i--)
      invalid.add(new InvalidToolCall(toolCall(), string()));
    return new Step(
        index, parts(), invalid, finishReason(), usage(), warnings(), providerData(), messages());
  }

  AgentResult agentResult() {
    var steps = new ArrayList<Step>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) steps.add(step(i));
    return new AgentResult(steps, usage());
  }
}
