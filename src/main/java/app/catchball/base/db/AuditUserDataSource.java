package app.catchball.base.db;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells PostgreSQL who is acting: before the first statement that could write, each connection
 * handed to the application sets {@code catchball.user} to the signed-in user (or "system"), which
 * the audit triggers record with every change, in the same transaction. A read-only transaction
 * cannot write (PostgreSQL refuses), so its statements go without: with many users sharing the
 * pool, a screen's read no longer costs a round trip to rename the connection (issue 15).
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
                            return result instanceof Connection connection ? namedOnWrite(connection) : result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
        return bean;
    }

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /**
     * The connection, naming the user on it before its first statement outside a read-only
     * transaction. Its read-only flag is known by then: Spring sets it when the transaction begins,
     * after the connection was taken from the pool.
     */
    private static Connection namedOnWrite(Connection connection) {
        boolean[] named = {false};
        return (Connection) Proxy.newProxyInstance(AuditUserDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (!named[0] && STATEMENT_METHODS.contains(method.getName()) && !inReadOnlyTransaction(connection)) {
                        nameUser(connection);
                        named[0] = true;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Whether PostgreSQL would refuse a write here: pgjdbc begins a read-only connection's
     * transactions with {@code BEGIN READ ONLY} (its default {@code readOnlyMode=transaction}); with
     * auto-commit on, a read-only flag is not enforced, so such a connection is still named.
     */
    private static boolean inReadOnlyTransaction(Connection connection) throws SQLException {
        return connection.isReadOnly() && !connection.getAutoCommit();
    }

    /**
     * The user last named on each physical connection. The setting is the session's, so it lasts
     * while the pool lends the connection again and again: it is sent only when the user changes
     * (one round trip fewer per transaction for a user clicking through screens). It is remembered
     * when set outside a transaction, where nothing can roll it back, or once the transaction it was
     * set in has committed.
     */
    private static final Map<Connection, String> NAMED = Collections.synchronizedMap(new WeakHashMap<>());

    private static void nameUser(Connection connection) throws SQLException {
        String user = currentUser();
        Connection physical = physical(connection);
        if (user.equals(NAMED.get(physical))) {
            return; // named so outside a transaction, where nothing could undo it
        }
        boolean lasting = connection.getAutoCommit();
        try (PreparedStatement s = connection.prepareStatement("select set_config('catchball.user', ?, false)")) {
            s.setString(1, user);
            s.execute();
        }
        if (lasting) {
            NAMED.put(physical, user);
        } else {
            // Set inside a transaction: it lasts only if the transaction commits.
            NAMED.remove(physical);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_COMMITTED) {
                            NAMED.put(physical, user);
                        }
                    }
                });
            }
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
