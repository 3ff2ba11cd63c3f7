package dev.crmkit.spi.touchpoint;

/** The channel an interaction took place on. */
public enum Channel {
    PHONE, EMAIL, WEB, CHAT, STORE_VISIT, SOCIAL, SMS, MAIL, MOBILE_APP, POINT_OF_SALE
}
