/** Due work: a durable queue of things that fall due at a time, claimed with expiring leases by any node. */
package dev.crmkit.spi.scheduling;
