/** The shared Jackson setup for wire JSON. */
package dev.reverie.internal.json;
