/** The provider SPI: what a provider implements (two calls, identity, capabilities). */
package dev.reverie.spi;
