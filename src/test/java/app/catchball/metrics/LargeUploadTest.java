package app.catchball.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.catchball.api.ApiTokenService;
import app.catchball.base.RuleViolation;
import app.catchball.planning.PlanFixture;
import app.catchball.security.SystemUser;
import app.catchball.support.SpringTest;
import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upload limits hold on the server: an Excel file of 330,000 rows (under the size cap) is
 * refused at the row cap quickly and in little memory, three at once leave the app answering, and
 * a CSV past the size cap is refused however it is sent. Figures go to target/upload-figures.txt.
 */
@SpringTest
class LargeUploadTest {

    private static final int ROWS = 330_000;
    private static final String TOO_MANY_ROWS = "A file may hold at most 10,000 rows. Split it into smaller files.";
    private static byte[] workbook;

    @LocalServerPort
    int port;

    @Autowired
    MetricImportService imports;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    PlanFixture fixture;

    /** 330,000 rows of metric, month and value (about 4.9 MB), written by POI's streaming writer with shared strings. */
    @BeforeAll
    static void generate() throws Exception {
        Random random = new Random(330_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(new XSSFWorkbook(), 100, true, true)) {
            SXSSFSheet sheet = book.createSheet("Values");
            for (int r = 0; r < ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("M" + (1 + r % 3));
                row.createCell(1).setCellValue(String.format("%04d-%02d", 2000 + r / 12 % 26, 1 + r % 12));
                row.createCell(2).setCellValue(random.nextInt(100));
            }
            book.write(out);
        }
        workbook = out.toByteArray();
    }

    @Test
    void a_330000_row_workbook_is_refused_at_the_row_cap_in_under_2_s_and_100_mb() throws Exception {
        assertThat(workbook.length).as("the workbook is under the size cap, so the row cap must stop it")
                .isBetween(4_000_000, MetricImportService.MAX_BYTES);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        refuse(); // warm up the classes once

        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        refuse();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);

        figure("330,000-row .xlsx (" + workbook.length / 1024 + " KB): refused in " + millis + " ms; allocated " + allocatedMb
                + " MB in all (an upper bound on heap growth)");
        assertThat(millis).isLessThan(2_000);
        assertThat(allocatedMb).isLessThan(100);
    }

    @Test
    void three_at_once_are_refused_and_the_app_keeps_answering() throws Exception {
        String token = SystemUser.runAs("viewer", () -> tokens.create("Still answering")).token();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        List<Future<?>> uploads = new ArrayList<>();
        try (ExecutorService three = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                uploads.add(three.submit(this::refuse));
            }
            long asked = System.nanoTime();
            HttpResponse<String> units = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long answeredMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(units.statusCode()).isEqualTo(200);
            for (Future<?> upload : uploads) {
                upload.get();
            }
            figure("three 330,000-row .xlsx at once: all refused in " + (System.nanoTime() - start) / 1_000_000
                    + " ms; GET /api/v1/units meanwhile answered in " + answeredMs + " ms");
        }
    }

    @Test
    void a_csv_past_the_size_cap_is_refused_after_reading_no_more_than_the_cap() {
        CountingStream fifty = new CountingStream(50L * 1024 * 1024);

        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> imports.preview(fixture.unit("W7"), fixture.cycle(),
                "values.csv", fifty))).isInstanceOf(RuleViolation.class)
                .hasMessage("The file is larger than 5 MB. Split it into smaller files (at most 10,000 rows each).");
        assertThat(fifty.read).isLessThanOrEqualTo(MetricImportService.MAX_BYTES + 1L);
    }

    private void refuse() {
        assertThatThrownBy(() -> SystemUser.runAs("ward7.manager", () -> imports.preview(fixture.unit("W7"), fixture.cycle(),
                "big.xlsx", new ByteArrayInputStream(workbook)))).isInstanceOf(RuleViolation.class).hasMessage(TOO_MANY_ROWS);
    }

    private static void figure(String line) throws Exception {
        System.out.println(line);
        Files.writeString(Path.of("target", "upload-figures.txt"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A CSV body of the given length (lines of 100,000 characters), counting what is read of it. */
    private static final class CountingStream extends InputStream {

        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            return (int) (read++ % 100_000 == 99_999 ? '\n' : 'x');
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
