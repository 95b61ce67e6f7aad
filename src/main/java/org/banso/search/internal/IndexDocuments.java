package org.banso.search.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.banso.council.CouncilViews;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.guideline.GuidelineModel;
import org.banso.information.InformationSearchSupport.IndexableItem;
import org.banso.search.SearchKind;
import org.banso.technology.Technology;
import org.banso.technology.TechnologyArea;
import org.banso.technology.TechnologyStatus;
import org.banso.technology.VisionTechnology;

/**
 * What each kind of record becomes in the index: its title, its searchable text, the council, category and
 * designations it is filtered by, and whether it is public. The text builders also serve the snippets of the hits, so
 * that a snippet shows what was searched.
 */
final class IndexDocuments {

    private IndexDocuments() {
    }

    static IndexDocument item(IndexableItem item) {
        return new IndexDocument(SearchKind.ITEM, item.id().toString(), item.title(), item.text(),
                item.council() == null ? null : item.council().toString(),
                item.category() == null ? null : item.category().name(),
                item.designations().stream().map(Object::toString).collect(Collectors.toSet()), item.published(),
                false, item.publicByDefaultAt());
    }

    static IndexDocument council(CouncilSummary c) {
        return new IndexDocument(SearchKind.COUNCIL, c.id().toString(), c.name(), null, c.id().toString(),
                c.status().name(), Set.of(), false, false);
    }

    static String meetingText(CouncilViews.MeetingView m) {
        StringBuilder text = new StringBuilder(m.title()).append('\n');
        if (m.place() != null) {
            text.append(m.place()).append('\n');
        }
        for (CouncilViews.AgendaItem a : m.agenda()) {
            text.append(a.title()).append('\n');
        }
        return text.toString();
    }

    static IndexDocument technology(Technology t) {
        boolean designated = t.status() == TechnologyStatus.DESIGNATED;
        return new IndexDocument(SearchKind.TECHNOLOGY, t.id().toString(), t.nameJa() + " / " + t.nameEn(),
                technologyText(t), null, t.domain(), Set.of(), designated, designated);
    }

    /**
     * The names are the title, searched in both languages: the text is the rest, so that a hit's snippet does not
     * repeat both names (the other language's on every page).
     */
    static String technologyText(Technology t) {
        return String.join("\n", t.code(), t.description() == null ? "" : t.description());
    }

    static IndexDocument guideline(GuidelineModel.Version v) {
        return new IndexDocument(SearchKind.GUIDELINE, v.id().toString(), v.titleJa() + " / " + v.titleEn(),
                guidelineText(v), null, v.status().name(), Set.of(), true, true);
    }

    static String guidelineText(GuidelineModel.Version v) {
        StringBuilder text = new StringBuilder();
        for (GuidelineModel.Section s : v.sections()) {
            text.append(s.headingJa()).append('\n').append(s.bodyJa()).append('\n')
                    .append(s.headingEn()).append('\n').append(s.bodyEn()).append('\n');
        }
        for (GuidelineModel.Measure m : v.measures()) {
            text.append(m.titleJa()).append('\n').append(m.descriptionJa()).append('\n')
                    .append(m.titleEn()).append('\n').append(m.descriptionEn()).append('\n');
        }
        return text.toString();
    }

    static String areaText(TechnologyArea a) {
        return String.join("\n", a.code(), a.nameJa(), a.nameEn(), "研究開発基本指針の技術領域",
                "Technology area of the R&D basic guideline");
    }

    static String visionText(VisionTechnology v) {
        return String.join("\n", v.nameJa(), v.nameEn(), v.domainJa(), v.domainEn(),
                "経済安全保障重要技術育成プログラム（Kプログラム）研究開発ビジョン 第" + v.vision() + "次",
                "K Program research and development vision " + v.vision());
    }

    static IndexDocument area(TechnologyArea a) {
        return new IndexDocument(SearchKind.TECHNOLOGY_AREA, a.code(), a.nameJa() + " / " + a.nameEn(), areaText(a),
                null, a.code(), Set.of(), true, true);
    }

    static IndexDocument vision(VisionTechnology v) {
        return new IndexDocument(SearchKind.VISION_TECHNOLOGY, v.id().toString(), v.nameJa() + " / " + v.nameEn(),
                visionText(v), null, null, Set.of(), true, true);
    }
}
