package org.banso.guideline;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.guideline.GuidelineModel.Measure;
import org.banso.guideline.GuidelineModel.MeasureStatus;
import org.banso.guideline.GuidelineModel.NewMeasure;
import org.banso.guideline.GuidelineModel.NewSection;
import org.banso.guideline.GuidelineModel.NewVersion;
import org.banso.guideline.GuidelineModel.Section;
import org.banso.guideline.GuidelineModel.Version;
import org.banso.identity.BansoUser;

/**
 * The basic guideline. Program officers draft versions, add sections and measures, and put a draft in force, which
 * supersedes the previous version (R1: exactly one in force). Versions in force and superseded are public; drafts
 * are the program officers' alone.
 */
public interface Guidelines {

    Optional<Version> current();

    /** Empty when it does not exist or the viewer may not see it (a draft, for anyone but a program officer). */
    Optional<Version> version(UUID id, BansoUser viewer);

    List<Version> versions(BansoUser viewer);

    Version draft(NewVersion version, BansoUser actor);

    Section addSection(UUID versionId, NewSection section, BansoUser actor);

    Measure addMeasure(UUID versionId, NewMeasure measure, BansoUser actor);

    Measure changeMeasureStatus(UUID measureId, MeasureStatus status, BansoUser actor);

    /** R1: needs measures of information provision, funding and human-resource development. */
    Version enforce(UUID versionId, BansoUser actor);
}
