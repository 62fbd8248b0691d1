package app.catchball.base.db;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private static void nameUser(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select set_config('catchball.user', ?, false)")) {
            s.setString(1, currentUser());
            s.execute();
        }
    }

    static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return auth.getName();
    }
}
