package dev.crmkit.core.loyalty;

import java.util.UUID;

/**
 * Member numbers: ten digits, the last a Luhn check digit, so a number mistyped at a till by one digit or two swapped
 * neighbours is caught. The nine leading digits come from the random bits of the membership's time-ordered id, so
 * numbers do not reveal how many members there are; a number taken already makes the enrolment try again with a new
 * id.
 */
final class MemberNumbers {
    private MemberNumbers() {
    }

    static String from(UUID id) {
        long random = id.getLeastSignificantBits() & Long.MAX_VALUE;
        String body = String.format("%09d", random % 1_000_000_000L);
        return body + checkDigit(body);
    }

    /** The Luhn check digit of {@code digits}. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether {@code number} is ten digits whose last is the check digit of the others. */
    static boolean isValid(String number) {
        return number.length() == 10 && number.chars().allMatch(Character::isDigit)
                && checkDigit(number.substring(0, 9)) == number.charAt(9) - '0';
    }
}
