package app.catchball.base.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text that reads other modules' data through the relations they publish
 * ({@code join {units} u on u.id = p.unit_id}). Each module owns its tables; {@code TableOwnershipTest}
 * fails when a module's SQL names another module's table.
 */
public final class SqlText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

    private SqlText() {
    }

    /** The SQL with each relation's placeholder replaced; refuses a relation not used or a placeholder not given. */
    public static String using(String sql, Relation... relations) {
        String text = sql;
        for (Relation relation : relations) {
            if (!text.contains(relation.placeholder())) {
                throw new IllegalArgumentException("SQL does not use " + relation.placeholder());
            }
            text = text.replace(relation.placeholder(), "(" + relation.sql() + ")");
        }
        Matcher left = PLACEHOLDER.matcher(text);
        if (left.find()) {
            throw new IllegalArgumentException("SQL uses " + left.group() + " but no relation of that name was given");
        }
        return text;
    }
}
