/** What a caller of the team domain passes and reads: roles, availability and the filter that lists members. */
package dev.crmkit.model.team;
