package org.harbor.accounts;

import java.util.ArrayList;
import java.util.List;
import org.harbor.i18n.Refusal;

/**
 * One line of the emergency panel (R2): whom to call, the number, and when to call. Set by a
 * supervisor for the organisation; the country's hotlines are offered as editable defaults
 * ({@link Hotlines}).
 *
 * @param name the service or person, 1 to {@value #MAX_NAME} characters
 * @param number digits, spaces, {@code + - ( ) .}, at least three digits, at most {@value #MAX_NUMBER} characters
 * @param whenToCall may be empty, at most {@value #MAX_WHEN} characters
 */
public record EmergencyContact(String name, String number, String whenToCall) {

    public static final int MAX_NAME = 80;
    public static final int MAX_NUMBER = 30;
    public static final int MAX_WHEN = 200;
    public static final int MAX_CONTACTS = 12;

    public EmergencyContact {
        name = name == null ? "" : name.strip();
        number = number == null ? "" : number.strip();
        whenToCall = whenToCall == null ? "" : whenToCall.strip();
    }

    /**
     * Refuses a list that cannot be shown or stored: too many rows, or a row (numbered from 1) with
     * an empty or too long name, a number that is not a phone number, a too long "when to call", or
     * a control character (a tab or line break) anywhere.
     */
    public static List<EmergencyContact> checked(List<EmergencyContact> contacts) {
        if (contacts.size() > MAX_CONTACTS) {
            throw new Refusal("emergency.contacts.tooMany", MAX_CONTACTS);
        }
        List<EmergencyContact> out = new ArrayList<>();
        int row = 0;
        for (EmergencyContact contact : contacts) {
            row++;
            if (contact.name.isEmpty() || contact.name.length() > MAX_NAME || hasControl(contact.name)) {
                throw new Refusal("emergency.contact.nameInvalid", row, MAX_NAME);
            }
            if (contact.number.length() > MAX_NUMBER || !contact.number.matches("[0-9+()\\-. ]+")
                    || contact.number.chars().filter(Character::isDigit).count() < 3) {
                throw new Refusal("emergency.contact.numberInvalid", row, MAX_NUMBER);
            }
            if (contact.whenToCall.length() > MAX_WHEN || hasControl(contact.whenToCall)) {
                throw new Refusal("emergency.contact.whenInvalid", row, MAX_WHEN);
            }
            out.add(contact);
        }
        return List.copyOf(out);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** One line a contact, fields by tabs (checked contacts hold neither tabs nor line breaks). */
    static String encode(List<EmergencyContact> contacts) {
        StringBuilder out = new StringBuilder();
        for (EmergencyContact c : checked(contacts)) {
            out.append(c.name).append('\t').append(c.number).append('\t').append(c.whenToCall).append('\n');
        }
        return out.toString();
    }

    static List<EmergencyContact> decode(String stored) {
        List<EmergencyContact> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            out.add(new EmergencyContact(fields[0], fields.length > 1 ? fields[1] : "", fields.length > 2 ? fields[2] : ""));
        }
        return List.copyOf(out);
    }
}
