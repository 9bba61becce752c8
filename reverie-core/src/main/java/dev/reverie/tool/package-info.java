/** Tools as the model sees them, and how the model must choose among them. */
package dev.reverie.tool;
