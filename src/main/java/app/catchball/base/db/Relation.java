package app.catchball.base.db;

/**
 * A read-only relation a feature module publishes so that other modules' SQL can read its data
 * without naming its tables: a sub-select over the owner's own table, with the columns others may
 * read (never, say, a password hash). Written {@code {name}} in SQL text and filled in by
 * {@link SqlText#using}. PostgreSQL pulls such sub-selects up into the outer query, so the plan
 * and the number of statements are those of a plain join.
 */
public record Relation(String name, String sql) {

    public Relation {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a relation's name is lower case letters and underscores: " + name);
        }
    }

    String placeholder() {
        return "{" + name + "}";
    }
}
