package dev.reverie.cli;

import dev.reverie.cli.demo.Book;
import java.util.ArrayList;
import java.util.List;

/** How the demo shows a (partial) {@link Book}: labelled lines, missing fields as "…". */
final class BookView {
  private BookView() {}

  static List<String> lines(Book book) {
    var lines = new ArrayList<String>();
    lines.add("  title:           " + orEllipsis(book.title()));
    String author =
        book.author() == null
            ? "…"
            : orEllipsis(book.author().name())
                + (book.author().nationality() == null
                    ? ""
                    : " (" + book.author().nationality() + ")");
    lines.add("  author:          " + author);
    lines.add(
        "  genres:          "
            + (book.genres() == null ? "…" : "[" + String.join(", ", book.genres()) + "]"));
    lines.add("  published_year:  " + (book.publishedYear() == null ? "…" : book.publishedYear()));
    return lines;
  }

  private static String orEllipsis(String s) {
    return s == null ? "…" : s;
  }
}
