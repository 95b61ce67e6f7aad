package org.banso.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Formula neutralisation of CSV text cells (OWASP "CSV injection"). */
class CsvCellsTest {

    @Test
    void textsThatWouldStartAFormulaAreShownAsText() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(CsvCells.text("+1+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CsvCells.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.text("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.text("＝SUM(A1)")).isEqualTo("'＝SUM(A1)");
    }

    @Test
    void ordinaryTextsAndEmptyValuesStayAsTheyAre() {
        assertThat(CsvCells.text("量子センサ")).isEqualTo("量子センサ");
        assertThat(CsvCells.text("A=1")).isEqualTo("A=1");
        assertThat(CsvCells.text("")).isEmpty();
        assertThat(CsvCells.text(null)).isEmpty();
    }
}
