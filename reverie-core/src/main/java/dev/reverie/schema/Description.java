package dev.reverie.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record component, field, type or parameter to the model; {@link SchemaGenerator}
 * copies the text into the {@code description} keyword of the generated JSON schema.
 *
 * <p>On a property the description sits next to the property's type. On a type it describes every
 * property of that type that has no description of its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.TYPE
})
public @interface Description {
  /** The description shown to the model. */
  String value();
}
