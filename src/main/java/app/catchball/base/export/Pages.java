package app.catchball.base.export;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A paged list as one lazy stream: the next page is asked for only when the rows before it have
 * been written, through the same service call (and so the same permission check) as the screen's
 * grid. An export is thereby never capped at one page, nor held whole in memory.
 */
public final class Pages {

    /** The size of a page asked for by an export (the services cap pages at 500). */
    public static final int SIZE = 500;

    /** A page of rows from {@code offset}, at most {@code limit} long. */
    @FunctionalInterface
    public interface ByOffset<R> {
        List<R> page(int offset, int limit);
    }

    private Pages() {
    }

    /** Every row, asking for pages by offset until a page comes back short. */
    public static <R> Stream<R> byOffset(ByOffset<R> source) {
        int[] offset = {0};
        return stream(last -> {
            List<R> page = source.page(offset[0], SIZE);
            offset[0] += page.size();
            return page;
        });
    }

    /**
     * Every row, asking for each page after the last row of the one before (keyset paging: as quick
     * for the last page as for the first); {@code after} is given null for the first page.
     */
    public static <R> Stream<R> afterLast(Function<R, List<R>> after) {
        return stream(after);
    }

    private static <R> Stream<R> stream(Function<R, List<R>> next) {
        Iterator<R> rows = new Iterator<>() {
            private List<R> page;
            private int index;
            private R last;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (page != null && index < page.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                page = next.apply(last);
                index = 0;
                done = page.size() < SIZE;
                return !page.isEmpty();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = page.get(index++);
                return last;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }
}
