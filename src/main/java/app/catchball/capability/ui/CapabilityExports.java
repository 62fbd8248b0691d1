package app.catchball.capability.ui;

import app.catchball.base.RuleViolation;
import app.catchball.base.UnitRef;
import app.catchball.base.export.TableExport;
import app.catchball.capability.CapabilityService;
import app.catchball.capability.PersonCapability;

/** The Capability screen's export: the people of the unit and below with their level, coach, training and projects. */
final class CapabilityExports {

    private CapabilityExports() {
    }

    static TableExport<PersonCapability> people(CapabilityService capability, UnitRef unit) {
        if (unit == null) {
            throw new RuleViolation("Choose a unit first.");
        }
        return TableExport.<PersonCapability>titled("Capability " + unit.shortCode())
                .column("Person", PersonCapability::displayName)
                .column("Unit", PersonCapability::unitName)
                .column("Level", PersonCapability::levelText)
                .column("Can coach", PersonCapability::canCoach)
                .column("Coach", PersonCapability::coachName)
                .column("Courses", PersonCapability::trainingCount)
                .column("Projects led", PersonCapability::projectsLed)
                .column("Intermediate improver", PersonCapability::intermediate)
                .rows(capability.overview(unit.id()).people());
    }
}
