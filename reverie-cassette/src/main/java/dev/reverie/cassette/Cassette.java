package dev.reverie.cassette;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A recorded sequence of HTTP interactions in the go-vcr version 2 YAML format, the format of the
 * reference system's recordings. Immutable.
 *
 * <p>Loading rejects any format version other than 2 and any missing required field with a {@link
 * CassetteException} that names the cassette and the field. {@code !!binary} bodies load as their
 * decoded bytes; text bodies as their UTF-8 bytes.
 */
public final class Cassette {
  /** The only cassette format version read and written. */
  public static final int FORMAT_VERSION = 2;

  private final String source;
  private final List<Interaction> interactions;

  private Cassette(String source, List<Interaction> interactions) {
    this.source = source;
    this.interactions = List.copyOf(interactions);
  }

  /** A cassette of the given interactions, not backed by a file. */
  public static Cassette of(List<Interaction> interactions) {
    return new Cassette("(in memory)", interactions);
  }

  /** Loads the cassette file at {@code path}. */
  public static Cassette load(Path path) {
    Objects.requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      return load(in, path.toString());
    } catch (NoSuchFileException e) {
      throw new CassetteException("cassette " + path + " does not exist", e);
    } catch (IOException e) {
      throw new CassetteException("cassette " + path + " could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * Loads a cassette from {@code in}, which is read fully but not closed.
   *
   * @param source names the cassette in error messages, e.g. a file or resource name
   */
  public static Cassette load(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return new Cassette(source, CassetteReader.read(in, source));
  }

  /** Where this cassette came from, for messages: a path, a resource name or "(in memory)". */
  public String source() {
    return source;
  }

  /** The interactions in file order. */
  public List<Interaction> interactions() {
    return interactions;
  }

  /** This cassette as go-vcr version 2 YAML. */
  public String toYaml() {
    return CassetteWriter.write(interactions);
  }

  /** Writes this cassette to {@code path} as YAML, creating parent directories. */
  public void save(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(path, toYaml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CassetteException(
          "cassette " + path + " could not be written: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Cassette[" + source + ", " + interactions.size() + " interactions]";
  }
}
