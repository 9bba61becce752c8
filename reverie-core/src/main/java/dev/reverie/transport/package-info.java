/** The HTTP seam: requests, streamed responses, interceptors and the JDK client. */
package dev.reverie.transport;
