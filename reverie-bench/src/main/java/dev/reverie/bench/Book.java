package dev.reverie.bench;

import java.math.BigDecimal;
import java.util.List;

/** One catalogue entry of the benchmark document. */
public record Book(
    String isbn,
    String title,
    Author author,
    List<String> genres,
    Integer publishedYear,
    Integer pages,
    Double rating,
    BigDecimal price,
    Boolean available,
    List<String> tags,
    List<Review> reviews) {}
