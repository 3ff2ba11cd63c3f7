package dev.crmkit.model.message;

/**
 * The kinds of message channel. The first three reach a person through a provider (a mail service, an SMS gateway, a
 * push service); the last two put the message on a list a person works through or a host exports (a telesales team's
 * call list, a direct-mail file for the print shop).
 */
public enum ChannelKind {
    /** An e-mail to an e-mail address. */
    EMAIL,
    /** A text message to a mobile phone number. */
    SMS,
    /** A push notification to a device or browser token. */
    PUSH,
    /** An entry on a call list for telesales: the phone number to call and what to talk about. */
    CALL_LIST,
    /** A letter on a direct-mail list: the postal address and what to send. */
    DIRECT_MAIL;

    /** Whether messages of this kind are entries on a named list rather than sent to a provider. */
    public boolean isList() {
        return this == CALL_LIST || this == DIRECT_MAIL;
    }
}
