package org.banso.technology;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.banso.web.Choice;

/**
 * Technologies as options of a page's name picker, by name in the page's language with the code and the other
 * language's name as the hint (so that "量子" and "quantum" both find a quantum sensor). The list given must already be
 * what the person may see ({@link TechnologyRegistry#technologies}).
 */
public final class TechnologyChoices {

    private TechnologyChoices() {
    }

    public static List<Choice> of(Collection<Technology> technologies, Locale locale, String query,
                                  Collection<String> chosen) {
        return Choice.pick(technologies, t -> t.id().toString(), t -> t.localName(locale),
                t -> t.code() + " · " + ("en".equals(locale.getLanguage()) ? t.nameJa() : t.nameEn()), query, chosen);
    }
}
