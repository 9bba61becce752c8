package dev.reverie.provider.bedrock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature Version 4 written out from AWS's specification, for tests only: checked against AWS's
 * published test vectors, then used to check the SDK signer's output on Bedrock requests.
 */
final class ReferenceSigV4 {
  private ReferenceSigV4() {}

  /**
   * The signature of a request whose path is already URI-encoded once (it is encoded again, as for
   * every service but S3) and which has no query.
   */
  static String signature(
      String secretKey,
      String method,
      String encodedPath,
      Map<String, String> headers,
      byte[] payload,
      String amzDate,
      String region,
      String service) {
    var canonicalHeaders = new TreeMap<String, String>();
    headers.forEach((k, v) -> canonicalHeaders.put(k.toLowerCase(Locale.ROOT), v.strip()));
    String signedHeaders = String.join(";", canonicalHeaders.keySet());
    String canonicalRequest =
        method
            + "\n"
            + encodedPath.replace("%", "%25")
            + "\n"
            + "\n"
            + canonicalHeaders.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining())
            + "\n"
            + signedHeaders
            + "\n"
            + hex(sha256(payload));
    String date = amzDate.substring(0, 8);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
