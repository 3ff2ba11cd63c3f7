/**
 * The technology compatibility kit of the storage SPI: extend {@link dev.crmkit.tck.StorageContract} in an
 * adapter's tests and supply a fresh storage; every store's promises are checked in its own nested class.
 */
package dev.crmkit.tck;
