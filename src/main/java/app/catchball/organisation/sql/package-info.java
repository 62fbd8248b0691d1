/**
 * The organisation tree as other modules' SQL may read it: the relations organisation publishes over
 * its own tables (it owns {@code org_unit} and {@code unit_level}).
 */
@NamedInterface("sql")
package app.catchball.organisation.sql;

import org.springframework.modulith.NamedInterface;
