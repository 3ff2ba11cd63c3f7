/** Stored interactions (touch points) on every channel and the follow-up tasks that arise from them. */
package dev.crmkit.spi.touchpoint;
