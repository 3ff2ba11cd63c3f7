/**
 * What a caller of the customer domain passes and reads: party kinds, lifecycle stages, contact-point kinds, postal
 * addresses and the criteria that select customers.
 */
package dev.crmkit.model.customer;
