/**
 * Users and their role grants as other modules' SQL may read them: the relations security publishes
 * over its own tables (it owns {@code app_user}, {@code role_grant} and {@code sign_in_throttle}).
 * Password hashes and session bookkeeping are not in them.
 */
@NamedInterface("sql")
package app.catchball.security.sql;

import org.springframework.modulith.NamedInterface;
