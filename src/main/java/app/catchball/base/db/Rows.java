package app.catchball.base.db;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to records by column name, like Spring's {@code SimplePropertyRowMapper}, but looks the
 * columns up once per result set from its metadata. Spring's mapper asks the driver for the
 * camelCase name of every component on every row and catches the driver's exception before it
 * tries the underscore name: thousands of exceptions per screen. Use {@code .query(Rows.of(X.class))}
 * wherever {@code .query(X.class)} would map a record.
 */
public final class Rows<T> implements RowMapper<T> {

    private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

    private final Shape shape;
    private ResultSet resultSet;
    private int[] columns;

    private Rows(Shape shape) {
        this.shape = shape;
    }

    /** A mapper for one query (it remembers the columns of the result set it maps). */
    public static <T> Rows<T> of(Class<T> type) {
        return new Rows<>(SHAPES.computeIfAbsent(type, Rows::shape));
    }

    private static Shape shape(Class<?> type) {
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
        String[] names = BeanUtils.getParameterNames(constructor);
        TypeDescriptor[] types = new TypeDescriptor[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
        }
        return new Shape(constructor, names, types);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (rs != resultSet) {
            resultSet = rs;
            columns = columns(rs.getMetaData());
        }
        Object[] args = new Object[shape.names().length];
        for (int i = 0; i < args.length; i++) {
            if (columns[i] > 0) {
                Class<?> type = shape.types()[i].getType();
                // PostgreSQL's driver has no Instant; asking for one throws (and JdbcUtils catches) every time.
                Object value = type == Instant.class ? instant(rs.getTimestamp(columns[i]))
                        : JdbcUtils.getResultSetValue(rs, columns[i], type);
                args[i] = CONVERSION.convert(value, shape.types()[i]);
            }
        }
        return (T) BeanUtils.instantiateClass(shape.constructor(), args);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** For each component, the 1-based column whose label matches its name (case and underscores aside), or 0. */
    private int[] columns(ResultSetMetaData meta) throws SQLException {
        int[] result = new int[shape.names().length];
        for (int c = meta.getColumnCount(); c >= 1; c--) {
            String label = normalise(JdbcUtils.lookupColumnName(meta, c));
            for (int i = 0; i < result.length; i++) {
                if (normalise(shape.names()[i]).equals(label)) {
                    result[i] = c;
                }
            }
        }
        return result;
    }

    private static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
