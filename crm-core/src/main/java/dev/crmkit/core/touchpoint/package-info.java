/**
 * Touch points: every contact between the company and a customer (a call, an e-mail, a chat, a store visit), the
 * customer's timeline of them, the frequency count campaigns cap marketing contacts with, and the follow-up tasks
 * (call back, send the offer) that arise from them, with their due-time reminders.
 *
 * <p>Start at {@link dev.crmkit.core.touchpoint.TouchPointService}. Its events are the records implementing
 * {@link dev.crmkit.core.touchpoint.TouchPointEvent}. Uses {@code common}, {@code scheduling} (follow-ups fall due
 * through the due-work scheduler) and the customer records of the storage contract (to check that a customer exists
 * and to follow a merged customer to its survivor); it refers to customers by id only.
 */
package dev.crmkit.core.touchpoint;
