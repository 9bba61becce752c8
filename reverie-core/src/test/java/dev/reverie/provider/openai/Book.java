package dev.reverie.provider.openai;

import dev.reverie.schema.Description;
import java.util.List;

/** The seed's object, as a test record. */
@Description("A book with title, author, genres, and publication year")
record Book(
    @Description("The book title") String title,
    Author author,
    @Description("List of genres") List<String> genres,
    @Description("Year the book was published") Integer publishedYear) {

  /** The book's author. */
  record Author(
      @Description("Author's name") String name,
      @Description("Author's nationality") String nationality) {}
}
