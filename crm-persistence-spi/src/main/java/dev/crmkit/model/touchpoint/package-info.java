/**
 * What a caller of the touch-point domain passes and reads: channels, directions, purposes, task states, the filter of
 * a timeline and activity per channel.
 */
package dev.crmkit.model.touchpoint;
