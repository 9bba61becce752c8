package dev.reverie.json;

/**
 * Binds an array to a {@code List}, {@code Collection} or {@code Iterable} as a lazily bound
 * immutable view ({@link BoundList}); the views of successive snapshots of one array share their
 * bound elements.
 */
final class ListBinding extends MemoizingBinding {
  private final IdentityMemo byArray;
  private Binding element;

  ListBinding(BindingRegistry registry) {
    super(registry);
    this.byArray = new IdentityMemo(registry);
  }

  void resolve(Binding elementBinding) {
    this.element = elementBinding;
  }

  @Override
  Object create(JsonValue value) {
    if (!(value instanceof JsonArray array)) return null;
    Object lineage = array.lineage();
    BoundElements finished = (BoundElements) byArray.get(lineage);
    if (finished == null) {
      finished = new BoundElements();
      byArray.put(lineage, finished);
    }
    return new BoundList(array, element, finished);
  }
}
