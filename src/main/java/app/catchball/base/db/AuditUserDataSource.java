package app.catchball.base.db;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL who is acting: each connection handed to the application first sets
 * {@code catchball.user} to the signed-in user (or "system"), which the audit triggers record
 * with every change, in the same transaction.
 */
@Component
class AuditUserDataSource implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class, Closeable.class},
                    (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(dataSource, args);
                            if (result instanceof Connection connection) {
                                nameUser(connection);
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        return bean;
    }

    /**
     * The user last named on each physical connection. The setting is the session's, so it lasts
     * while the pool lends the connection again and again: it is sent only when the user changes
     * (one round trip fewer per transaction for a user clicking through screens). It is remembered
     * only when set outside a transaction, where nothing can roll it back.
     */
    private static final Map<Connection, String> NAMED = Collections.synchronizedMap(new WeakHashMap<>());

    private static void nameUser(Connection connection) throws SQLException {
        String user = currentUser();
        Connection physical = physical(connection);
        boolean lasting = connection.getAutoCommit();
        if (lasting && user.equals(NAMED.get(physical))) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("select set_config('catchball.user', ?, false)")) {
            s.setString(1, user);
            s.execute();
        }
        if (lasting) {
            NAMED.put(physical, user);
        } else {
            NAMED.remove(physical);
        }
    }

    /** The driver's own connection under the pool's (and any other) wrappers. */
    private static Connection physical(Connection connection) throws SQLException {
        Connection current = connection;
        for (int i = 0; i < 5; i++) {
            Connection inner = current.isWrapperFor(Connection.class) ? current.unwrap(Connection.class) : current;
            if (inner == null || inner == current) {
                return current;
            }
            current = inner;
        }
        return current;
    }

    static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return auth.getName();
    }
}
