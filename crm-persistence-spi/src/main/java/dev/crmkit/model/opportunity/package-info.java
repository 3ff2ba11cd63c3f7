/**
 * What a caller of the opportunity domain passes and reads: pipeline stages, forecast categories, contact roles,
 * reopen rules, report periods, the filter that lists deals, and the rows of the sales reports (win rates, sales
 * cycles, funnels, totals per currency, results per rep and per lead source, pipeline cells).
 */
package dev.crmkit.model.opportunity;
