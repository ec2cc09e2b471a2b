//! The strings of the province page's weights panel, one table per language. Part names,
//! where each weight comes from and every problem come from `shifan-rules`.

use shifan_rules::Lang;

/// The weights panel's strings in one language.
#[derive(Debug)]
pub struct WeightsTexts {
    /// Heading of the weights table.
    pub title: &'static str,
    /// Why the weights are shown.
    pub lead: &'static str,
    /// Column: part.
    pub col_part: &'static str,
    /// Column: weight.
    pub col_weight: &'static str,
    /// Column: where the weight comes from.
    pub col_source: &'static str,
    /// Column: whether a failing result takes the candidate out.
    pub col_gate: &'static str,
    /// A gate part.
    pub gate: &'static str,
    /// Opens the form that changes the weights.
    pub change: &'static str,
    /// How to type a weight.
    pub weight_hint: &'static str,
    /// The weight of `{}`.
    pub weight_label: &'static str,
    /// The reason field.
    pub reason: &'static str,
    /// Applies the change.
    pub apply: &'static str,
    /// The changes made so far: heading.
    pub adjustments: &'static str,
    /// One change: what changed `{}`, and the reason `{}`.
    pub adjustment: &'static str,
}

static ZH: WeightsTexts = WeightsTexts {
    title: "各部分权重",
    lead: "综合得分按下列权重计算。未公布的权重是默认值，须由省里确定；调整时须写明理由，理由记入评审规则，命名名册注明所依据的规则版本。",
    col_part: "部分",
    col_weight: "权重",
    col_source: "来源",
    col_gate: "否决项",
    gate: "是（不通过即退出排名）",
    change: "调整权重",
    weight_hint: "可写分数（2/5）、小数（0.4）或百分数（40%），各部分合计须恰为 1。",
    weight_label: "「{}」的权重",
    reason: "调整理由（必填）",
    apply: "应用新权重",
    adjustments: "已作的调整",
    adjustment: "{}。理由：{}",
};

static EN: WeightsTexts = WeightsTexts {
    title: "Weights of the parts",
    lead: "The composite is computed with these weights. A weight that was not published is a default the office must set; a change needs a reason, which is recorded in the programme rules, and the register names the rules it ranked with.",
    col_part: "Part",
    col_weight: "Weight",
    col_source: "Source",
    col_gate: "Gate",
    gate: "yes (failing it takes the candidate out)",
    change: "Change the weights",
    weight_hint: "Write a fraction (2/5), a decimal (0.4) or a percentage (40%); the parts must add up to exactly 1.",
    weight_label: "Weight of “{}”",
    reason: "Reason for the change (required)",
    apply: "Apply the new weights",
    adjustments: "Changes made",
    adjustment: "{}. Reason: {}",
};

/// The weights panel's strings in `lang`.
pub fn weights_texts(lang: Lang) -> &'static WeightsTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
