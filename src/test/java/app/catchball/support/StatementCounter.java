package app.catchball.support;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the application prepares, per thread, by wrapping the real DataSource
 * (JPA, JdbcClient and Flyway all go through it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);
    /** SQLExceptions thrown by result sets and caught by someone (e.g. a mapper probing column names). */
    private static final ThreadLocal<int[]> DRIVER_EXCEPTIONS = ThreadLocal.withInitial(() -> new int[1]);
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
    /** {@code -Ddebug.statements}: print each statement as it is prepared. Read once: the proxies sit on every JDBC call. */
    private static final boolean PRINT_STATEMENTS = System.getProperty("debug.statements") != null;
    /** {@code -Ddebug.driver}: print the stack of each driver exception. */
    private static final boolean PRINT_DRIVER_EXCEPTIONS = System.getProperty("debug.driver") != null;
    /** While set, receives every statement executed on any thread, with its parameters in place (benchmarks replay them). */
    private static volatile Consumer<String> recorder;
    /**
     * How many {@link #driverExceptions} runs are under way. Statements and result sets are wrapped
     * only while one is, or while {@link #recorder} is set: otherwise the proxies, on every column
     * read, would add to the server time the benchmarks measure.
     */
    private static final AtomicInteger WATCHING_RESULT_SETS = new AtomicInteger();

    /** Runs the work and returns how many statements it prepared. */
    public static int count(Runnable work) {
        int before = COUNT.get()[0];
        work.run();
        return COUNT.get()[0] - before;
    }

    /** Runs the work and returns how many exceptions the JDBC result sets threw during it, caught or not. */
    public static int driverExceptions(Runnable work) {
        int before = DRIVER_EXCEPTIONS.get()[0];
        WATCHING_RESULT_SETS.incrementAndGet();
        try {
            work.run();
        } finally {
            WATCHING_RESULT_SETS.decrementAndGet();
        }
        return DRIVER_EXCEPTIONS.get()[0] - before;
    }

    /**
     * Runs the work and returns the SQL every thread executed meanwhile, each with its parameters
     * written in (PostgreSQL's driver renders a prepared statement so), in order.
     */
    public static List<String> recording(Runnable work) {
        List<String> executed = Collections.synchronizedList(new ArrayList<>());
        recorder = executed::add;
        try {
            work.run();
        } finally {
            recorder = null;
        }
        return List.copyOf(executed);
    }

    public static <T> T counting(Supplier<T> work, int[] out) {
        int before = COUNT.get()[0];
        T result = work.get();
        out[0] = COUNT.get()[0] - before;
        return result;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class, Closeable.class},
                    forward(ds, (result, method) -> result instanceof Connection c ? connection(c) : result));
        }
        return bean;
    }

    private static Connection connection(Connection real) {
        InvocationHandler forward = forward(real, (result, method) -> {
            if (STATEMENT_METHODS.contains(method)) {
                COUNT.get()[0]++;
                return recorder != null || WATCHING_RESULT_SETS.get() > 0 ? statement((Statement) result) : result;
            }
            return result;
        });
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (PRINT_STATEMENTS && STATEMENT_METHODS.contains(method.getName())
                            && args != null && args.length > 0) {
                        System.out.println("STATEMENT " + String.valueOf(args[0]).replaceAll("\\s+", " "));
                    }
                    return forward.invoke(proxy, method, args);
                });
    }

    private static Statement statement(Statement real) {
        Class<?> type = real instanceof CallableStatement ? CallableStatement.class
                : real instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        InvocationHandler forward = forward(real, (result, method) -> result instanceof ResultSet rs ? resultSet(rs) : result);
        return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Consumer<String> r = recorder;
                    if (r != null && method.getName().startsWith("execute")) {
                        r.accept(args != null && args.length > 0 && args[0] instanceof String sql ? sql : executable(real));
                    }
                    return forward.invoke(proxy, method, args);
                });
    }

    /** A prepared statement as PostgreSQL's driver prints it: the SQL with its parameters in place. */
    private static String executable(Statement statement) {
        String text = statement.toString();
        int wrapping = text.indexOf(" wrapping ");
        return wrapping < 0 ? text : text.substring(wrapping + " wrapping ".length());
    }

    private static ResultSet resultSet(ResultSet real) {
        InvocationHandler forward = forward(real, (result, method) -> result);
        return (ResultSet) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                    try {
                        return forward.invoke(proxy, method, args);
                    } catch (SQLException e) {
                        DRIVER_EXCEPTIONS.get()[0]++;
                        if (PRINT_DRIVER_EXCEPTIONS) { e.printStackTrace(System.out); }
                        throw e;
                    }
                });
    }

    private interface After {
        Object apply(Object result, String method);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return true;
            }
            try {
                return after.apply(method.invoke(target, args), method.getName());
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
