/**
 * The people who work leads and tickets: {@link dev.crmkit.spi.team.TeamMemberRecord team members} (sales reps,
 * service agents and their managers) with skills, languages, territories, capacity and availability, and the
 * {@link dev.crmkit.spi.team.TeamRecord teams} they belong to.
 */
package dev.crmkit.spi.team;
