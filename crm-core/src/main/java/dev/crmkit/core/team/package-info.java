/**
 * The team: sales reps, service agents and their managers, with the skills, languages, territories, seniority and
 * capacity that decide which work suits whom, their availability (active, away until a date, deactivated), their
 * working hours and time zone ({@link dev.crmkit.core.team.WorkingHours}), and the teams they belong to. Lead distribution and ticket routing choose among the members this package reports
 * available.
 *
 * <p>Start at {@link dev.crmkit.core.team.TeamService}. Its events are the records implementing
 * {@link dev.crmkit.core.team.TeamEvent}. Uses {@code common}, the team records of the storage contract, and
 * {@code customer} only to answer its {@link dev.crmkit.core.customer.CustomerOwners} port.
 */
package dev.crmkit.core.team;
