package com.dentaldesk.booking.staff;

/** What a person may do in the console. The front desk works calls, leads and the book; the owner also manages keys, staff and agents. */
public enum StaffRole {
    OWNER("owner", "Owner"),
    FRONT_DESK("front_desk", "Front desk");

    private final String stored;
    private final String label;

    StaffRole(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    /** The value in {@code staff_members.role}. */
    public String stored() {
        return stored;
    }

    public String label() {
        return label;
    }

    public static StaffRole fromStored(String value) {
        for (StaffRole role : values()) {
            if (role.stored.equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown staff role: " + value);
    }
}
