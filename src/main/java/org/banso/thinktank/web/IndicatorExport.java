package org.banso.thinktank.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.banso.shared.CsvCells;
import org.banso.thinktank.Indicators.Indicator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The indicator matrix as CSV (UTF-8 with a byte-order mark, so that Excel in Japanese opens it as UTF-8) and as XLSX
 * (Apache POI, streamed 500 rows at a time): the same columns, for the API and for the signed-in analytics page alike.
 */
final class IndicatorExport {

    static final String[] COLUMNS = {"dataset", "path", "country", "is_country", "kind", "field", "year", "count",
        "total", "specialization", "world_share", "rank"};

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private IndicatorExport() {
    }

    static ResponseEntity<byte[]> csv(String dataset, List<Indicator> matrix) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append('\n');
        for (Indicator i : matrix) {
            csv.append(quote(i.dataset())).append(',').append(quote(i.path())).append(',').append(quote(i.country()))
                    .append(',').append(i.isCountry()).append(',').append(i.kind()).append(',').append(quote(i.field()))
                    .append(',').append(i.year()).append(',').append(num(i.count())).append(',')
                    .append(num(i.total())).append(',').append(num(i.specialization())).append(',')
                    .append(num(i.worldShare())).append(',').append(i.rank() == null ? "" : i.rank()).append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + dataset + "-indicators.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ResponseEntity<byte[]> xlsx(String dataset, List<Indicator> matrix) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("indicators");
            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.length; c++) {
                head.createCell(c).setCellValue(COLUMNS[c]);
            }
            int r = 1;
            for (Indicator i : matrix) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(i.dataset());
                row.createCell(1).setCellValue(i.path());
                row.createCell(2).setCellValue(i.country());
                row.createCell(3).setCellValue(i.isCountry());
                row.createCell(4).setCellValue(i.kind().name());
                row.createCell(5).setCellValue(i.field());
                row.createCell(6).setCellValue(i.year());
                number(row, 7, i.count());
                number(row, 8, i.total());
                number(row, 9, i.specialization());
                number(row, 10, i.worldShare());
                number(row, 11, i.rank() == null ? null : i.rank().doubleValue());
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + dataset + "-indicators.xlsx\"")
                    .contentType(XLSX)
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, Double value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    /** A text cell: formulas neutralised ({@link CsvCells}), quoted when it holds a comma, quote or line break. */
    static String quote(String value) {
        String s = CsvCells.text(value);
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String num(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6f", d);
    }
}
