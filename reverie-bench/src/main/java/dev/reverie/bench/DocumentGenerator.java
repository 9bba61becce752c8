package dev.reverie.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the benchmark document: a {@link Library} whose catalogue grows until its compact JSON
 * reaches a target size. Deterministic (fixed seed, ASCII only, no escapes), so every run and every
 * bench measures the same text.
 *
 * <p>Property names are snake_case, as {@link dev.reverie.ObjectSchema#of(Class)} asks the model
 * for them.
 */
public final class DocumentGenerator {
  /** The seed of every document; change it and all published numbers change. */
  public static final long SEED = 20_240_601L;

  /** Compact JSON with snake_case names, as a model following the generated schema writes it. */
  public static final ObjectMapper WRITER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private static final String[] WORDS = {
    "river", "lantern", "harbour", "quiet", "north", "glass", "orchard", "winter", "signal",
    "garden", "paper", "stone", "summer", "distant", "copper", "island", "memory", "silver",
    "forest", "window", "thunder", "morning", "ember", "valley", "letter", "shadow", "crown",
    "salt", "meadow", "engine", "violet", "archive", "compass", "tide", "velvet", "harvest",
    "kingdom", "mirror", "falcon", "bridge", "candle", "frontier", "echo", "marble", "horizon",
    "cedar", "voyage", "cinder", "atlas", "whisper"
  };
  private static final String[] FIRST_NAMES = {
    "Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
    "Kemal", "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Stefan", "Tove"
  };
  private static final String[] LAST_NAMES = {
    "Albrecht", "Bianchi", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
    "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
    "Silva", "Tanaka"
  };
  private static final String[] NATIONALITIES = {
    "British",
    "Italian",
    "French",
    "German",
    "Japanese",
    "Brazilian",
    "Nigerian",
    "Polish",
    "Swedish",
    "Indian",
    "Canadian",
    "Mexican"
  };
  private static final String[] GENRES = {
    "fantasy",
    "adventure",
    "mystery",
    "science fiction",
    "history",
    "poetry",
    "biography",
    "romance",
    "thriller",
    "philosophy",
    "travel",
    "horror"
  };

  private DocumentGenerator() {}

  /** The library whose compact JSON is the shortest at least {@code targetChars} long. */
  public static Library library(int targetChars) {
    if (targetChars <= 0) throw new IllegalArgumentException("targetChars must be positive");
    Random random = new Random(SEED);
    List<Book> books = new ArrayList<>();
    Library empty = header(random, List.of());
    // Each book adds its own JSON plus a comma; summing avoids re-serialising the whole library.
    long length = json(empty).length();
    while (length < targetChars) {
      Book book = book(random, books.size());
      length += json(book).length() + (books.isEmpty() ? 0 : 1);
      books.add(book);
    }
    return new Library(
        empty.name(),
        empty.description(),
        empty.address(),
        empty.open(),
        empty.foundedYear(),
        empty.languages(),
        List.copyOf(books));
  }

  /** The compact JSON of {@link #library(int)}. */
  public static String document(int targetChars) {
    return json(library(targetChars));
  }

  /** Compact snake_case JSON of any value. */
  public static String json(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the benchmark document", e);
    }
  }

  private static Library header(Random random, List<Book> books) {
    return new Library(
        "The " + capitalised(word(random)) + " " + capitalised(word(random)) + " Library",
        sentence(random, 30),
        new Address(
            (10 + random.nextInt(190)) + " " + capitalised(word(random)) + " Street",
            capitalised(word(random)) + "ford",
            "United Kingdom",
            String.format(Locale.ROOT, "AB%d %dCD", 1 + random.nextInt(99), random.nextInt(10))),
        true,
        1850 + random.nextInt(150),
        List.of("English", "French", "German", "Italian"),
        books);
  }

  private static Book book(Random random, int index) {
    int reviewCount = random.nextInt(3);
    List<Review> reviews = new ArrayList<>(reviewCount);
    for (int i = 0; i < reviewCount; i++) {
      reviews.add(
          new Review(
              name(random),
              1 + random.nextInt(5),
              sentence(random, 8 + random.nextInt(20)),
              random.nextBoolean()));
    }
    List<String> genres = new ArrayList<>();
    int genreCount = 1 + random.nextInt(3);
    for (int i = 0; i < genreCount; i++) genres.add(GENRES[random.nextInt(GENRES.length)]);
    List<String> tags = new ArrayList<>();
    int tagCount = random.nextInt(5);
    for (int i = 0; i < tagCount; i++) tags.add(word(random));
    return new Book(
        String.format(
            Locale.ROOT,
            "978-%d-%05d-%03d-%d",
            random.nextInt(10),
            index,
            random.nextInt(1000),
            random.nextInt(10)),
        capitalised(word(random)) + " of the " + capitalised(word(random)),
        new Author(
            name(random),
            NATIONALITIES[random.nextInt(NATIONALITIES.length)],
            1800 + random.nextInt(200)),
        List.copyOf(genres),
        1900 + random.nextInt(125),
        80 + random.nextInt(900),
        Math.round((1 + random.nextDouble() * 4) * 10) / 10.0,
        BigDecimal.valueOf(499 + random.nextInt(5000), 2),
        random.nextInt(4) != 0,
        List.copyOf(tags),
        List.copyOf(reviews));
  }

  private static String name(Random random) {
    return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]
        + " "
        + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder(capitalised(word(random)));
    for (int i = 1; i < words; i++) s.append(' ').append(word(random));
    return s.append('.').toString();
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
