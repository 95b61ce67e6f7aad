package org.banso.thinktank.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The NCSES tables' country and economy names (English) in the page's language, from the JDK's locale data (CLDR):
 * "Japan" → 日本, "South Korea" → 韓国. Names the JDK does not know as a country (regions such as "Asia", groupings
 * such as "EU") stay as the source writes them. Pages use it as {@code @placeNames.name(...)}.
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
            Map.entry("Brunei", "BN"), Map.entry("Cabo Verde", "CV"), Map.entry("Cape Verde", "CV"));

    private final Map<String, String> codes = new HashMap<>();

    public PlaceNames() {
        for (String code : Locale.getISOCountries()) {
            codes.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH), code);
        }
        codes.putAll(ALIASES);
    }

    /** The name in the page's language. */
    public String name(String english) {
        return name(english, LocaleContextHolder.getLocale());
    }

    public String name(String english, Locale language) {
        if (english == null || "en".equals(language.getLanguage())) {
            return english;
        }
        String code = codes.get(english.strip());
        return code == null ? english : new Locale("", code).getDisplayCountry(language);
    }
}
