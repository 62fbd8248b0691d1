package app.catchball.security.sql;

import app.catchball.base.db.Relation;

/** What other modules' SQL may read of users and role grants; write {@code {users}} and {@code {grants}} in SQL text. */
public final class UserRelations {

    /** Every user, inactive ones too: id, username, display_name, email, admin, active, must_change_password. No password hash. */
    public static final Relation USERS = new Relation("users",
            "select id, username, display_name, email, admin, active, must_change_password from app_user");

    /** Every role grant: id, user_id, unit_id, role (VIEWER, CONTRIBUTOR, LEAD, COACH). */
    public static final Relation GRANTS = new Relation("grants", "select id, user_id, unit_id, role from role_grant");

    private UserRelations() {
    }
}
