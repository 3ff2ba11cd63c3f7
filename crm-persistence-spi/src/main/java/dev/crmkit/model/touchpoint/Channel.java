package dev.crmkit.model.touchpoint;

/** The channel an interaction took place on. */
public enum Channel {
    /** A phone call. */
    PHONE,
    /** An e-mail. */
    EMAIL,
    /** A visit or form on the company's website. */
    WEB,
    /** A chat conversation, with a person or a bot. */
    CHAT,
    /** A visit to a store or branch. */
    STORE_VISIT,
    /** A social network: a post, a comment, a direct message. */
    SOCIAL,
    /** A text message. */
    SMS,
    /** Postal mail: a letter, a catalogue. */
    MAIL,
    /** The company's mobile app. */
    MOBILE_APP,
    /** A till: a purchase or a return at the point of sale. */
    POINT_OF_SALE
}
