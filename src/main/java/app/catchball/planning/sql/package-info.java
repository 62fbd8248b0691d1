/**
 * Plans as other modules' SQL may read them: the relations planning publishes over its own tables
 * (it owns {@code cycle}, {@code plan_item}, {@code correlation}, {@code cascade_link} and the
 * {@code priority_a3} tables). Writes go through planning's services.
 */
@NamedInterface("sql")
package app.catchball.planning.sql;

import org.springframework.modulith.NamedInterface;
