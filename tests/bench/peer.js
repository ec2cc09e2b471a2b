// The peer of the county page in `cargo xtask bench`: the same 100 indicators of the reference
// catalog as a SurveyJS form, as a team would build it with the library — one question per
// indicator with its points as the description, the four statuses as choices, all on one page,
// and a live compliance figure (met ÷ applicable for a county, rounded down). Bundled by esbuild
// with the catalog JSON, the way the county page embeds it.

import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';

import catalog from '../../crates/rules/data/catalog-reference-2019.json';

const STATUSES = [
  { value: 'met', text: '达标' },
  { value: 'partly_met', text: '部分达标' },
  { value: 'not_met', text: '未达标' },
  { value: 'not_applicable', text: '不适用' },
];

const indicators = catalog.areas.flatMap((a) => a.sections.flatMap((s) => s.indicators));
const forCounty = (i) => i.applies_to !== 'city';

const survey = new Model({
  title: catalog.title ?? '法治政府建设示范指标体系',
  questionsOnPageMode: 'singlePage',
  showQuestionNumbers: 'off',
  elements: indicators.map((i) => ({
    type: 'radiogroup',
    name: `ind-${i.number}`,
    title: `${i.number}. ${i.title}`,
    description: i.criteria.join('；'),
    choices: STATUSES,
    colCount: 4,
    visibleIf: forCounty(i) ? undefined : 'false',
  })),
});

const county = indicators.filter(forCounty);
const show = (id, text) => {
  document.getElementById(id).textContent = text;
};

function summarise() {
  const data = survey.data;
  let met = 0;
  let notApplicable = 0;
  let unanswered = 0;
  for (const i of county) {
    const status = data[`ind-${i.number}`];
    if (status === 'met') met += 1;
    else if (status === 'not_applicable') notApplicable += 1;
    else if (status === undefined) unanswered += 1;
  }
  const applicable = county.length - notApplicable;
  const perMille = applicable ? Math.floor((met * 1000) / applicable) : 0;
  show('peer-compliance', `${Math.floor(perMille / 10)}.${perMille % 10}%`);
  show('peer-met', String(met));
  show('peer-applicable', String(applicable));
  show('peer-unanswered', String(unanswered));
}

survey.onValueChanged.add(summarise);
survey.onAfterRenderSurvey.add(() => {
  // The first frame after the form is rendered: the peer's "ready".
  requestAnimationFrame(() => {
    performance.mark('peer-ready');
    document.body.dataset.ready = 'true';
  });
});
renderSurvey(survey, document.getElementById('survey'));
summarise();
