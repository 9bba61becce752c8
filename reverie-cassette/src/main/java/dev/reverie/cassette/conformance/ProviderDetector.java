package dev.reverie.cassette.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells which provider a cassette was recorded against from its first request: the host and path
 * name the API, and the body (or, for Gemini, Vertex and Bedrock, the path) names the model.
 */
public final class ProviderDetector {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CHAT_COMPLETIONS = "/chat/completions";
  private static final String RESPONSES = "/responses";

  private ProviderDetector() {}

  /**
   * The endpoint of a request.
   *
   * @param url the request URL
   * @param body the request body, possibly empty
   * @throws UnknownProviderException when the URL names no provider this runner knows
   */
  public static ProviderEndpoint detect(URI url, String body) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String bodyModel = modelInBody(body);
    String origin = url.getScheme() + "://" + url.getRawAuthority();

    if (host.equals("api.openai.com") || host.endsWith(".openai.azure.com")) {
      boolean azure = !host.equals("api.openai.com");
      if (path.endsWith(CHAT_COMPLETIONS)) {
        return endpoint(
            azure ? ProviderKind.AZURE_CHAT : ProviderKind.OPENAI_CHAT,
            origin + strip(path, CHAT_COMPLETIONS),
            bodyModel,
            url);
      }
      if (path.endsWith(RESPONSES)) {
        return endpoint(
            azure ? ProviderKind.AZURE_RESPONSES : ProviderKind.OPENAI_RESPONSES,
            origin + strip(path, RESPONSES),
            bodyModel,
            url);
      }
      throw new UnknownProviderException(url);
    }
    if (host.equals("api.anthropic.com")) {
      return endpoint(ProviderKind.ANTHROPIC, origin, bodyModel, url);
    }
    if (host.equals("generativelanguage.googleapis.com")) {
      return endpoint(ProviderKind.GEMINI, origin, modelInPath(path, "/models/", url), url);
    }
    if (host.endsWith("-aiplatform.googleapis.com")) {
      ProviderKind kind =
          path.contains("/publishers/anthropic/")
              ? ProviderKind.VERTEX_ANTHROPIC
              : ProviderKind.VERTEX_GEMINI;
      return endpoint(kind, origin, modelInPath(path, "/models/", url), url);
    }
    if (host.startsWith("bedrock-runtime.") && host.endsWith(".amazonaws.com")) {
      return endpoint(ProviderKind.BEDROCK, origin, modelInPath(path, "/model/", url), url);
    }
    if (host.equals("openrouter.ai") && path.endsWith(CHAT_COMPLETIONS)) {
      return endpoint(
          ProviderKind.OPENROUTER, origin + strip(path, CHAT_COMPLETIONS), bodyModel, url);
    }
    if (host.equals("ai-gateway.vercel.sh") && path.endsWith(CHAT_COMPLETIONS)) {
      return endpoint(ProviderKind.VERCEL, origin + strip(path, CHAT_COMPLETIONS), bodyModel, url);
    }
    if (path.endsWith(CHAT_COMPLETIONS)) {
      return endpoint(
          ProviderKind.OPENAI_COMPATIBLE, origin + strip(path, CHAT_COMPLETIONS), bodyModel, url);
    }
    throw new UnknownProviderException(url);
  }

  private static ProviderEndpoint endpoint(
      ProviderKind kind, String baseUrl, String model, URI url) {
    if (model.isEmpty()) {
      throw new UnknownProviderException(url, "no model in the request body");
    }
    return new ProviderEndpoint(kind, baseUrl, model, url);
  }

  private static String strip(String path, String suffix) {
    return path.substring(0, path.length() - suffix.length());
  }

  /** The path segment after {@code marker}, up to a {@code :method} suffix, URL-decoded. */
  private static String modelInPath(String path, String marker, URI url) {
    int start = path.indexOf(marker);
    if (start < 0) throw new UnknownProviderException(url, "no model in the URL path");
    String rest = path.substring(start + marker.length());
    int slash = rest.indexOf('/');
    if (slash >= 0) rest = rest.substring(0, slash);
    int colon = rest.lastIndexOf(':');
    // Gemini and Vertex end the segment with ":generateContent"; a Bedrock id's own colon is
    // escaped as %3A, so it survives this cut and is decoded afterwards.
    if (colon >= 0) rest = rest.substring(0, colon);
    return URLDecoder.decode(rest, StandardCharsets.UTF_8);
  }

  private static String modelInBody(String body) {
    if (body == null || body.isBlank()) return "";
    try {
      JsonNode model = MAPPER.readTree(body).path("model");
      return model.isTextual() ? model.asText() : "";
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
