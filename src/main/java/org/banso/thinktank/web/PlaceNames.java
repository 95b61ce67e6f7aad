package org.banso.thinktank.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The NCSES tables' country and economy names (English) and the ETO data's ISO alpha-3 codes in the page's language,
 * from the JDK's locale data (CLDR): "Japan" → 日本, "South Korea" → 韓国, "JPN" → 日本 (Japan on an English page).
 * Regions and groupings ("Asia", "Former Soviet Union") have their Japanese names here; others stay as the source
 * writes them. Pages use it as {@code @placeNames.name(...)}.
 */
@Component("placeNames")
public class PlaceNames {

    /** The source's spellings that differ from the JDK's English country names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("Czech Republic", "CZ"), Map.entry("Czechia", "CZ"), Map.entry("Hong Kong", "HK"),
            Map.entry("Macau", "MO"), Map.entry("Macao", "MO"), Map.entry("Taiwan", "TW"),
            Map.entry("Turkey", "TR"), Map.entry("Türkiye", "TR"), Map.entry("Burma", "MM"),
            Map.entry("Côte d'Ivoire", "CI"), Map.entry("Cote d'Ivoire", "CI"), Map.entry("Ivory Coast", "CI"),
            Map.entry("Congo, Democratic Republic of the", "CD"), Map.entry("Democratic Republic of the Congo", "CD"),
            Map.entry("Congo, Republic of the", "CG"), Map.entry("Republic of the Congo", "CG"),
            Map.entry("North Macedonia", "MK"), Map.entry("Macedonia", "MK"), Map.entry("Eswatini", "SZ"),
            Map.entry("Swaziland", "SZ"), Map.entry("Gambia, The", "GM"), Map.entry("Bahamas, The", "BS"),
            Map.entry("Korea, South", "KR"), Map.entry("Korea, North", "KP"), Map.entry("Palestine", "PS"),
            Map.entry("Bosnia and Herzegovina", "BA"), Map.entry("Micronesia", "FM"),
            Map.entry("Saint Kitts and Nevis", "KN"), Map.entry("Saint Lucia", "LC"),
            Map.entry("Saint Vincent and the Grenadines", "VC"), Map.entry("Timor-Leste", "TL"),
            Map.entry("Brunei", "BN"), Map.entry("Cabo Verde", "CV"), Map.entry("Cape Verde", "CV"),
            Map.entry("Antigua and Barbuda", "AG"), Map.entry("Trinidad and Tobago", "TT"),
            Map.entry("Holy See (Vatican City)", "VA"), Map.entry("Micronesia, Federated States of", "FM"),
            Map.entry("Côte d’Ivoire", "CI"), Map.entry("São Tomé and Príncipe", "ST"),
            Map.entry("Sao Tome and Principe", "ST"));

    /**
     * The NCSES regions and groupings, which no locale data names: their Japanese names as Japanese statistics write
     * them. Any other language sees the source's English.
     */
    private static final Map<String, String> REGIONS_JA = Map.ofEntries(
            Map.entry("World", "世界"), Map.entry("North America", "北米"), Map.entry("South America", "南米"),
            Map.entry("Central and South America", "中南米"),
            Map.entry("Central America and Caribbean", "中米・カリブ"), Map.entry("Europe", "欧州"),
            Map.entry("EU", "EU"), Map.entry("Other Europe", "その他の欧州"),
            Map.entry("Former Soviet Union", "旧ソ連"), Map.entry("Asia", "アジア"),
            Map.entry("Middle East", "中東"), Map.entry("Africa", "アフリカ"),
            Map.entry("Australia and Oceania", "オーストラリア・オセアニア"), Map.entry("Oceania", "オセアニア"),
            Map.entry("All others", "その他"), Map.entry("Other", "その他"), Map.entry("Unassigned", "分類不能"),
            Map.entry("Unclassified", "分類不能"), Map.entry("Rest of world", "その他の地域"),
            Map.entry("Kosovo", "コソボ"), Map.entry("Serbia and Montenegro", "セルビア・モンテネグロ"),
            Map.entry("Gaza Strip", "ガザ地区"), Map.entry("West Bank", "ヨルダン川西岸地区"));

    private final Map<String, String> codes = new HashMap<>();
    /** ISO 3166 alpha-3 codes, as the ETO supply-chain data names countries ("JPN", "NLD"). */
    private final Map<String, String> alpha3 = new HashMap<>();

    public PlaceNames() {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            codes.put(country.getDisplayCountry(Locale.ENGLISH), code);
            alpha3.put(country.getISO3Country(), code);
        }
        codes.putAll(ALIASES);
    }

    /** The name in the page's language. */
    public String name(String english) {
        return name(english, LocaleContextHolder.getLocale());
    }

    public String name(String english, Locale language) {
        if (english == null) {
            return null;
        }
        // the NCSES tables write some names with HTML entities and footnote marks: "C&#244;te d&#8217;Ivoire",
        // "Gaza Strip<sup>c</sup>"
        english = HtmlUtils.htmlUnescape(english.replaceAll("<sup>[^<]*</sup>", ""));
        String iso = alpha3.get(english.strip());
        if (iso != null) {
            return new Locale("", iso).getDisplayCountry(language);
        }
        if ("en".equals(language.getLanguage())) {
            return english;
        }
        if ("ja".equals(language.getLanguage()) && REGIONS_JA.containsKey(english.strip())) {
            return REGIONS_JA.get(english.strip());
        }
        String code = codes.get(english.strip());
        return code == null ? english : new Locale("", code).getDisplayCountry(language);
    }
}
