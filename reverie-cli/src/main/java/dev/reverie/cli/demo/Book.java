package dev.reverie.cli.demo;

import dev.reverie.schema.Description;
import java.util.List;

/** The object the demo streams: the seed recording's {@code Book} schema, as a Java record. */
@Description("A book with title, author, genres, and publication year")
public record Book(
    @Description("The book title") String title,
    Author author,
    @Description("List of genres") List<String> genres,
    @Description("Year the book was published") Integer publishedYear) {}
