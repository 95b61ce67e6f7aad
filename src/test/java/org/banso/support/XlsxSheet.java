package org.banso.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first row and the last row's index of one sheet of an XLSX file, read as a stream of rows with POI's event
 * API. The bulk exports have about 100,000 rows: {@code XSSFWorkbook} built every cell as an object first, which
 * took most of a test's half minute and a gigabyte of heap on the busy machine to read one header cell and a count.
 *
 * @param header  the first row's formatted values by column (blank for an empty cell)
 * @param lastRow the last row's 0-based index, as {@code Sheet.getLastRowNum()} answers
 */
public record XlsxSheet(List<String> header, int lastRow) {

    public static XlsxSheet read(byte[] xlsx, String sheetName) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (sheets.getSheetName().equals(sheetName)) {
                        return read(sheet, reader, new ReadOnlySharedStringsTable(pkg));
                    }
                }
            }
        }
        throw new AssertionError("no sheet " + sheetName);
    }

    private static XlsxSheet read(InputStream sheet, XSSFReader reader, ReadOnlySharedStringsTable strings)
            throws Exception {
        List<String> header = new ArrayList<>();
        int[] row = {-1};
        XSSFSheetXMLHandler.SheetContentsHandler rows = new XSSFSheetXMLHandler.SheetContentsHandler() {
            @Override
            public void startRow(int rowNum) {
                row[0] = rowNum;
            }

            @Override
            public void endRow(int rowNum) {
            }

            @Override
            public void cell(String reference, String value, XSSFComment comment) {
                if (row[0] == 0) {
                    int column = new CellReference(reference).getCol();
                    while (header.size() < column) {
                        header.add("");
                    }
                    header.add(value);
                }
            }
        };
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, false));
        parser.parse(new InputSource(sheet));
        return new XlsxSheet(List.copyOf(header), row[0]);
    }
}
