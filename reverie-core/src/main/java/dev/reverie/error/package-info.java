/** The one exception hierarchy: provider, transport, protocol, object-generation errors. */
package dev.reverie.error;
