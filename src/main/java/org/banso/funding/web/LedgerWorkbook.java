package org.banso.funding.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.banso.funding.FundingViews.LedgerEntry;

/**
 * The ledger as an XLSX workbook written with Apache POI ({@link XSSFWorkbook} in memory: at most 1,000 rows come
 * here): one sheet "ledger", a header row with the CSV's columns, then one row per entry; {@code seq} and the amount
 * (integer yen) are numbers, everything else text. Texts are cells, never formulas.
 */
final class LedgerWorkbook {

    static final String SHEET = "ledger";

    private LedgerWorkbook() {
    }

    static byte[] of(List<LedgerEntry> entries) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Row header = sheet.createRow(0);
            String[] columns = FundingRestController.CSV_COLUMNS;
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            int r = 1;
            for (LedgerEntry e : entries) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.seq());
                row.createCell(1).setCellValue(e.id().toString());
                row.createCell(2).setCellValue(e.recordedAt().toString());
                row.createCell(3).setCellValue(e.kind().name());
                row.createCell(4).setCellValue(e.amount());
                row.createCell(5).setCellValue(e.debitAccount());
                row.createCell(6).setCellValue(e.creditAccount());
                row.createCell(7).setCellValue(e.projectId() == null ? "" : e.projectId().toString());
                row.createCell(8).setCellValue(e.reverses() == null ? "" : e.reverses().toString());
                row.createCell(9).setCellValue(e.recordedBy().toString());
                row.createCell(10).setCellValue(e.memo());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
