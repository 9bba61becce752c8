package dev.reverie.codec.gemini;

/** Constants of the Gemini format that every service speaking it shares (Gemini API, Vertex AI). */
public final class GeminiFormat {
  /**
   * The key of the format's provider options and metadata ({@code google}): thought signatures and
   * {@link GeminiOptions} travel under it whichever service carries the request.
   */
  public static final String OPTIONS_KEY = "google";

  /** The key, in a reasoning part's {@code google} data, of its thought signature. */
  public static final String SIGNATURE = "signature";

  /** The key, in a reasoning part's {@code google} data, of the tool call its signature came on. */
  public static final String TOOL_ID = "tool_id";

  private GeminiFormat() {}
}
