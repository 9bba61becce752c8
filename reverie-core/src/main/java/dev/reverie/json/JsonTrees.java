package dev.reverie.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Whole-tree operations on {@link JsonValue}s (text, Jackson conversion, equality, hashing), done
 * with explicit stacks so that a deep tree can never overflow the Java stack.
 */
final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonTrees() {}

  /** Where a conversion may reuse the Jackson node made for an identical container before. */
  interface NodeCache {
    JsonNode get(JsonValue container);

    void put(JsonValue container, JsonNode node);

    /**
     * Whether the containers inside a converted value are kept too, or only the value itself: a
     * cache that is asked only for values converted on their own before need not hold the rest.
     */
    default boolean keepsInnerContainers() {
      return true;
    }
  }

  // ---- text -------------------------------------------------------------------------------

  static String write(JsonValue root) {
    StringBuilder out = new StringBuilder();
    write(out, root);
    return out.toString();
  }

  static void write(StringBuilder out, JsonValue root) {
    if (!isContainer(root)) {
      writeScalar(out, root);
      return;
    }
    JsonValue[] nodes = new JsonValue[8];
    int[] next = new int[8];
    int top = 0;
    out.append(root instanceof JsonObject ? '{' : '[');
    nodes[top++] = root;
    while (top > 0) {
      JsonValue container = nodes[top - 1];
      int i = next[top - 1];
      if (i == size(container)) {
        out.append(container instanceof JsonObject ? '}' : ']');
        next[top - 1] = 0;
        nodes[--top] = null;
        continue;
      }
      next[top - 1] = i + 1;
      if (i > 0) out.append(',');
      JsonValue child;
      if (container instanceof JsonObject object) {
        quote(out, object.nameAt(i));
        out.append(':');
        child = object.valueAt(i);
      } else {
        child = ((JsonArray) container).get(i);
      }
      if (isContainer(child)) {
        if (top == nodes.length) {
          nodes = Arrays.copyOf(nodes, top * 2);
          next = Arrays.copyOf(next, top * 2);
        }
        out.append(child instanceof JsonObject ? '{' : '[');
        nodes[top++] = child;
      } else {
        writeScalar(out, child);
      }
    }
  }

  private static void writeScalar(StringBuilder out, JsonValue value) {
    if (value instanceof JsonString s) quote(out, s.value());
    else if (value instanceof JsonNumber n) out.append(n.text());
    else if (value instanceof JsonBoolean b) out.append(b.value() ? "true" : "false");
    else out.append("null");
  }

  /** Appends {@code text} as a JSON string literal, escaping as Jackson does. */
  static void quote(StringBuilder out, String text) {
    out.append('"');
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(text, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(text, start, n).append('"');
  }

  // ---- Jackson ----------------------------------------------------------------------------

  static JsonNode toJsonNode(JsonValue root) {
    return toJsonNode(root, null);
  }

  static JsonNode toJsonNode(JsonValue root, NodeCache cache) {
    if (!isContainer(root)) return scalarNode(root);
    if (cache != null) {
      JsonNode hit = cache.get(root);
      if (hit != null) return hit;
    }
    ContainerNode<?> rootNode = newContainerNode(root);
    boolean keepInner = cache != null && cache.keepsInnerContainers();
    ArrayDeque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, rootNode, new int[1]});
    while (!stack.isEmpty()) {
      Object[] frame = stack.peek();
      JsonValue container = (JsonValue) frame[0];
      int[] next = (int[]) frame[2];
      int i = next[0];
      if (i == size(container)) {
        if (keepInner || (cache != null && container == root)) {
          cache.put(container, (JsonNode) frame[1]);
        }
        stack.pop();
        continue;
      }
      next[0] = i + 1;
      JsonValue child =
          container instanceof JsonObject o ? o.valueAt(i) : ((JsonArray) container).get(i);
      JsonNode childNode;
      if (!isContainer(child)) {
        childNode = scalarNode(child);
      } else {
        childNode = cache == null ? null : cache.get(child);
        if (childNode == null) {
          ContainerNode<?> fresh = newContainerNode(child);
          stack.push(new Object[] {child, fresh, new int[1]});
          childNode = fresh;
        }
      }
      if (frame[1] instanceof ObjectNode objectNode) {
        objectNode.set(((JsonObject) container).nameAt(i), childNode);
      } else {
        ((ArrayNode) frame[1]).add(childNode);
      }
    }
    return rootNode;
  }

  private static ContainerNode<?> newContainerNode(JsonValue container) {
    return container instanceof JsonObject ? NODES.objectNode() : NODES.arrayNode(size(container));
  }

  static JsonNode scalarNode(JsonValue value) {
    if (value instanceof JsonString s) return TextNode.valueOf(s.value());
    if (value instanceof JsonBoolean b) return BooleanNode.valueOf(b.value());
    if (value instanceof JsonNumber n) return numberNode(n);
    return NullNode.getInstance();
  }

  private static JsonNode numberNode(JsonNumber number) {
    String text = number.text();
    if (!number.isIntegral()) return NODES.numberNode(number.bigDecimal());
    if (text.length() <= 18) {
      long value = Long.parseLong(text);
      return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }
    BigInteger big = new BigInteger(text);
    return big.bitLength() < 64 ? LongNode.valueOf(big.longValue()) : BigIntegerNode.valueOf(big);
  }

  static JsonValue fromJsonNode(JsonNode root) {
    if (root == null || !root.isContainerNode()) return scalarValue(root);
    ArrayDeque<NodeFrame> stack = new ArrayDeque<>();
    stack.push(new NodeFrame(root));
    while (true) {
      NodeFrame frame = stack.peek();
      if (frame.hasNext()) {
        JsonNode child = frame.next();
        if (child != null && child.isContainerNode()) {
          stack.push(new NodeFrame(child));
        } else {
          frame.add(scalarValue(child));
        }
        continue;
      }
      JsonValue built = frame.build();
      stack.pop();
      if (stack.isEmpty()) return built;
      stack.peek().add(built);
    }
  }

  private static JsonValue scalarValue(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return JsonNull.INSTANCE;
    if (node.isBoolean()) return JsonBoolean.of(node.booleanValue());
    if (node.isIntegralNumber()) return JsonNumber.of(node.bigIntegerValue());
    if (node.isBigDecimal()) return JsonNumber.of(node.decimalValue());
    if (node.isNumber()) {
      double d = node.doubleValue();
      return Double.isFinite(d) ? JsonNumber.of(d) : JsonNull.INSTANCE;
    }
    return JsonString.of(node.asText());
  }

  /** A Jackson container being converted: its children so far and where iteration stands. */
  private static final class NodeFrame {
    final boolean object;
    final Iterator<Map.Entry<String, JsonNode>> fields;
    final Iterator<JsonNode> elements;
    final List<JsonMember> members = new ArrayList<>();
    final List<JsonValue> values = new ArrayList<>();
    String pendingName;

    NodeFrame(JsonNode node) {
      object = node.isObject();
      fields = object ? node.fields() : null;
      elements = object ? null : node.elements();
    }

    boolean hasNext() {
      return object ? fields.hasNext() : elements.hasNext();
    }

    JsonNode next() {
      if (!object) return elements.next();
      Map.Entry<String, JsonNode> field = fields.next();
      pendingName = field.getKey();
      return field.getValue();
    }

    void add(JsonValue value) {
      if (object) members.add(new JsonMember(pendingName, value));
      else values.add(value);
    }

    JsonValue build() {
      return object ? JsonObject.of(members) : JsonArray.of(values);
    }
  }

  // ---- equality and hashing -----------------------------------------------------------------

  static boolean equal(JsonValue a, JsonValue b) {
    ArrayDeque<JsonValue> work = null;
    JsonValue x = a;
    JsonValue y = b;
    while (true) {
      if (x != y) {
        if (x instanceof JsonObject xo) {
          if (!(y instanceof JsonObject yo) || !sameShape(xo, yo)) return false;
          int n = xo.size();
          for (int i = 0; i < n; i++) {
            if (!xo.nameAt(i).equals(yo.nameAt(i))) return false;
            JsonValue xv = xo.valueAt(i);
            JsonValue yv = yo.valueAt(i);
            if (xv == yv) continue;
            if (isContainer(xv)) {
              if (work == null) work = new ArrayDeque<>();
              work.push(xv);
              work.push(yv);
            } else if (!xv.equals(yv)) {
              return false;
            }
          }
        } else if (x instanceof JsonArray xa) {
          if (!(y instanceof JsonArray ya) || !sameShape(xa, ya)) return false;
          int n = xa.size();
          for (int i = 0; i < n; i++) {
            JsonValue xv = xa.get(i);
            JsonValue yv = ya.get(i);
            if (xv == yv) continue;
            if (isContainer(xv)) {
              if (work == null) work = new ArrayDeque<>();
              work.push(xv);
              work.push(yv);
            } else if (!xv.equals(yv)) {
              return false;
            }
          }
        } else if (!x.equals(y)) {
          return false;
        }
      }
      if (work == null || work.isEmpty()) return true;
      y = work.pop();
      x = work.pop();
    }
  }

  private static boolean sameShape(JsonValue x, JsonValue y) {
    if (x.complete() != y.complete() || size(x) != size(y)) return false;
    int hx = cachedHash(x);
    int hy = cachedHash(y);
    return hx == 0 || hy == 0 || hx == hy;
  }

  static int hash(JsonValue root) {
    int cached = cachedHash(root);
    if (cached != 0) return cached;
    ArrayDeque<JsonValue> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      JsonValue container = stack.peek();
      if (cachedHash(container) != 0) {
        stack.pop();
        continue;
      }
      int n = size(container);
      boolean childrenPending = false;
      for (int i = 0; i < n; i++) {
        JsonValue child = childAt(container, i);
        if (isContainer(child) && cachedHash(child) == 0) {
          stack.push(child);
          childrenPending = true;
        }
      }
      if (childrenPending) continue;
      boolean object = container instanceof JsonObject;
      int h = object ? 1 : 2;
      for (int i = 0; i < n; i++) {
        JsonValue child = childAt(container, i);
        int childHash = isContainer(child) ? cachedHash(child) : child.hashCode();
        if (object) h = 31 * h + ((JsonObject) container).nameAt(i).hashCode();
        h = 31 * h + childHash;
      }
      h = 31 * h + (container.complete() ? 1 : 0);
      setCachedHash(container, h == 0 ? 1 : h);
      stack.pop();
    }
    return cachedHash(root);
  }

  private static int cachedHash(JsonValue container) {
    if (container instanceof JsonObject o) return o.cachedHash;
    if (container instanceof JsonArray a) return a.cachedHash;
    return 0;
  }

  private static void setCachedHash(JsonValue container, int hash) {
    if (container instanceof JsonObject o) o.cachedHash = hash;
    else ((JsonArray) container).cachedHash = hash;
  }

  // ---- helpers ------------------------------------------------------------------------------

  static boolean isContainer(JsonValue value) {
    return value instanceof JsonObject || value instanceof JsonArray;
  }

  static int size(JsonValue container) {
    return container instanceof JsonObject o ? o.size() : ((JsonArray) container).size();
  }

  static JsonValue childAt(JsonValue container, int i) {
    return container instanceof JsonObject o ? o.valueAt(i) : ((JsonArray) container).get(i);
  }
}
