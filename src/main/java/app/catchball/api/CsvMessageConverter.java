package app.catchball.api;

import app.catchball.base.export.TableExport;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * {@code Accept: text/csv} for every list the API answers: a list of records becomes a CSV table,
 * one row per record and one column per record component (named as in the JSON), through the same
 * {@link TableExport} as the screens' exports (typed, formula-safe cells, ISO dates). A nested list
 * becomes one cell, its items joined by "; " ({@link CsvLabel}); booleans are {@code true} and {@code false}.
 */
class CsvMessageConverter extends AbstractGenericHttpMessageConverter<List<?>> {

    static final String TEXT_CSV = "text/csv";

    CsvMessageConverter() {
        super(new MediaType("text", "csv"));
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return rowType(type) != null && canWrite(mediaType);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return List.class.isAssignableFrom(clazz);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected MediaType getDefaultContentType(List<?> rows) {
        return new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    protected void writeInternal(List<?> rows, Type type, HttpOutputMessage output) throws IOException {
        Class<?> rowType = rowType(type);
        TableExport<Object> table = TableExport.titled(rowType.getSimpleName());
        for (RecordComponent component : rowType.getRecordComponents()) {
            table.column(component.getName(), row -> cell(read(component, row)));
        }
        table.rows(rows.stream().map(Object.class::cast)).writeCsv(output.getBody());
    }

    private static Object read(RecordComponent component, Object row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object cell(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(i -> i instanceof CsvLabel l ? l.csvLabel() : String.valueOf(i))
                    .collect(Collectors.joining("; "));
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return value instanceof Enum<?> e ? e.name() : value;
    }

    /** The record type of a {@code List<SomeRecord>}, or null. */
    private static Class<?> rowType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && List.class.isAssignableFrom(raw)
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }

    @Override
    protected List<?> readInternal(Class<? extends List<?>> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is answered, not read.", input);
    }

    @Override
    public List<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is answered, not read.", input);
    }
}
