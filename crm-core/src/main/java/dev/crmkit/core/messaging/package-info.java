/**
 * Messaging: the e-mails, text messages, push notifications, call-list entries and direct-mail letters the CRM sends to
 * customers (campaigns, ticket acknowledgements and loyalty notices send through it), handed to the host's providers
 * through {@link dev.crmkit.core.port.MessageChannel}s so that a crash neither loses a send nor repeats it beyond what
 * the provider's idempotency keys absorb, held under per-channel rate limits shared by every node, and followed through
 * the providers' reports (delivered, bounced, complained, failed).
 *
 * <p>Start at {@link dev.crmkit.core.messaging.MessageService}; the life of a message is in
 * {@code MessageLifecycle}, its dispatch in {@code MessageDispatcher}, its wiring in
 * {@link dev.crmkit.core.messaging.MessagingModule}. Its events are the records implementing
 * {@link dev.crmkit.core.messaging.MessageEvent}. Uses {@code common}, {@code module}, {@code scheduling} (dispatch is
 * due work), {@code port} (the channels), and the customer records of the storage contract (to check that a customer
 * exists and to follow a merged customer to its survivor); it refers to customers by id only.
 */
package dev.crmkit.core.messaging;
