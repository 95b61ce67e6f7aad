package org.banso.search.internal;

import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis: every text is indexed twice, into a Japanese field (Kuromoji in search mode, which also splits long
 * compounds such as 研究開発 into their parts) and an English field (the standard tokenizer). Both first fold
 * full-width Latin letters and digits to half width and half-width katakana to full width (ＡＩ = AI, ｼﾝｸﾀﾝｸ =
 * シンクタンク), then lower-case; the Japanese chain also reduces verbs to their base form and drops the long vowel
 * mark at the end of long katakana words (コンピューター = コンピュータ).
 */
final class SearchAnalyzers {

    static final String TITLE_JA = "title_ja";
    static final String TITLE_EN = "title_en";
    static final String TEXT_JA = "text_ja";
    static final String TEXT_EN = "text_en";

    private SearchAnalyzers() {
    }

    static Analyzer japanese() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
                TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
                stream = new JapaneseKatakanaStemFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** The analyzer of the index writer and of the query builder: per field. */
    static Analyzer perField() {
        Analyzer ja = japanese();
        Analyzer en = english();
        return new PerFieldAnalyzerWrapper(en, Map.of(TITLE_JA, ja, TEXT_JA, ja, TITLE_EN, en, TEXT_EN, en));
    }

    static boolean containsCjk(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        });
    }
}
