package app.catchball.metrics.ui;

import app.catchball.base.UnitRef;
import app.catchball.base.ui.Notices;
import app.catchball.metrics.CountermeasureRule;
import app.catchball.metrics.CountermeasureRuleService;
import app.catchball.metrics.CountermeasureRuleService.TrustRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * When a metric asks for a countermeasure in the unit's trust, and (for an Admin) the switch for "Red N
 * periods running", off by default, with its N. Part of {@link ComplianceView}.
 */
class CountermeasureRuleSetting extends VerticalLayout {

    private final CountermeasureRuleService rules;
    private final Paragraph text = new Paragraph();
    private final Checkbox redRun = new Checkbox("Red N periods running");
    private final IntegerField periods = new IntegerField("N (periods)");
    private final HorizontalLayout form;
    private UnitRef unit;

    CountermeasureRuleSetting(CountermeasureRuleService rules) {
        this.rules = rules;
        setPadding(false);
        setSpacing(false);
        addClassName("countermeasure-rule");
        text.addClassName("countermeasure-rule-text");
        redRun.setHelperText("Also ask for a countermeasure when the latest N months are red, one after the other");
        periods.setMin(CountermeasureRule.MIN_PERIODS);
        periods.setMax(CountermeasureRule.MAX_PERIODS);
        periods.setStepButtonsVisible(true);
        Button save = new Button("Save countermeasure rule", e -> save());
        form = new HorizontalLayout(redRun, periods, save);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(text, form);
    }

    void show(UnitRef shown) {
        unit = shown;
        show(rules.rule(shown.id()));
    }

    private void show(TrustRule trustRule) {
        CountermeasureRule rule = trustRule.rule();
        text.setText(trustRule.trustName() + ": a metric asks for a countermeasure on special-cause concern, or when its "
                + "assurance consistently fails the target" + (rule.redRunOn() ? ", or when it is " + rule.redRunText().toLowerCase()
                + "." : ". Red months alone do not ask for one."));
        redRun.setValue(rule.redRunOn());
        periods.setValue(rule.redRunPeriods());
        form.setVisible(trustRule.editable());
    }

    private void save() {
        Notices.attempt(() -> rules.change(unit.id(), redRun.getValue(), periods.getValue())).ifPresent(saved -> {
            Notices.ok(saved.rule().redRunOn() ? "Countermeasures are now also asked for when " + saved.rule().redRunText().toLowerCase() + "."
                    : "Countermeasures are now asked for on special-cause concern and failing assurance only.");
            show(saved);
        });
    }
}
