"""The layout and hints of step 4: the tree and its side panel side by side, or stacked."""

EMPTY_HINT = "No goals yet: press g to add one, or draft one from a gap in step 3."
SMART_HINT = ("A SMART goal is Specific, Measurable, Achievable, Relevant and Time-bound: "
              "each goal gets five badges that turn green as you fill it in.")
PLAN_CSS = """
    PlanScreen #plan-status { margin-bottom: 1; }
    PlanScreen #plan-row { height: 22; }
    PlanScreen #plan-outline { width: 1fr; }
    PlanScreen #plan-tree { height: 1fr; }
    PlanScreen #plan-side { width: 42; margin-left: 1; }
    PlanScreen.-roomy #plan-side { width: 64; }
    PlanScreen #plan-detail {
        height: 1fr; padding: 0 1; border-left: vkey $accent 50%; overflow-y: auto;
    }
    PlanScreen #plan-budget {
        height: auto; padding: 0 1; margin-top: 1; border-left: vkey $accent 50%;
    }
    PlanScreen #plan-timeline { height: 16; margin-top: 1; }
    PlanScreen.-narrow #plan-row { layout: vertical; height: auto; }
    PlanScreen.-narrow #plan-outline { height: auto; }
    PlanScreen.-narrow #plan-tree { height: auto; max-height: 14; }
    PlanScreen.-narrow.-short #plan-tree { max-height: 8; }
    PlanScreen.-narrow #plan-side { width: 1fr; height: auto; margin-left: 0; margin-top: 1; }
    PlanScreen.-narrow #plan-detail { height: auto; max-height: 14; }
    """
