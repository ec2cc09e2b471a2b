// End-to-end: the county page's defects and expectations of issue 8, each tried as a county
// official would (mouse, or keyboard only) in headless Chromium at 360 and 1280 px:
// line breaks in the report, long unbroken text, the level as an explicit choice, a reason box
// that is never dropped without a word, focus after each step, right-to-left text isolated,
// the question before a weak download, contact warnings, editing evidence, the gap list by
// status and area, the print notice, the remembered language, and axe-core (WCAG 2.1 A/AA).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { axeContext, axeViolations, describeViolations } from './axe.mjs';
import { indicatorsOf, openApp, referenceCatalog, shot, siteForTests } from './serve.mjs';

const catalog = referenceCatalog();
const points = (n) => indicatorsOf(catalog).find((i) => i.number === n).criteria.length;
const site = siteForTests();

const text = (page, sel) => page.locator(sel).innerText();
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** A new draft of 小店区 (太原市), on the indicator screen. */
async function newCountyDraft(page, { name = '张三' } = {}) {
  await page.click('[data-action="new"]');
  await page.selectOption('#city', '140100');
  await page.selectOption('#county', '140105');
  await page.fill('#contact-name', name);
  await page.click('.form-end button');
  await page.waitForSelector('#ind-1');
}

/** Shows the report by the top bar's third step. */
async function toReport(page) {
  await page.click('.steps li:nth-child(3) button');
  await page.waitForSelector('#report-title');
}

/** Adds an evidence reference to indicator `n` through its form. */
async function addEvidence(page, n, { title, number = '', date = '' }) {
  await page.click(`#ind-${n} .evidence > button`);
  await page.fill(`#ev-${n}-title`, title);
  if (number) await page.fill(`#ev-${n}-number`, number);
  if (date) await page.fill(`#ev-${n}-date`, date);
  await page.click(`#ind-${n} .evidence-form button[type="submit"]`);
  await page.waitForSelector(`#ind-${n} .evidence-form`, { state: 'detached' });
}

/** Whether the page scrolls sideways: its width against the viewport's. */
const widths = (page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));

/**
 * The left edge (px) of the first occurrence of each `needle` in the text of `selector`, as
 * laid out on screen: how the eye reads their order.
 */
function xOf(page, selector, needles) {
  return page.evaluate(
    ({ selector, needles }) => {
      const root = document.querySelector(selector);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      return needles.map((needle) => {
        for (const node of nodes) {
          const at = node.data.indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().left;
        }
        return null;
      });
    },
    { selector, needles },
  );
}

test('the report keeps the paragraphs of a single-item narrative, on screen and in print', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.click('[data-action="new"]');
    await page.selectOption('#city', '140100');
    await page.selectOption('#county', '140105');
    await page.check('input[name="kind"][value="single_item"]');
    await page.selectOption('#category', catalog.single_item_categories[0].id);
    await page.fill('#project-title', '行政复议规范化建设');
    await page.fill('#aspect-innovation', '第一段：首创做法。\n第二段：实际成效。');
    await toReport(page);
    const cell = page.locator('.report .kv td', { hasText: '第一段' });
    assert.match(await cell.innerText(), /首创做法。\n第二段/, 'two paragraphs on screen');
    await page.emulateMedia({ media: 'print' });
    assert.match(await cell.innerText(), /首创做法。\n第二段/, 'two paragraphs in print');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('long unbroken text wraps: the page never scrolls sideways, 移除 stays one line', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    const url = `https://www.example.gov.cn/${'documents/'.repeat(12)}${'a'.repeat(2400)}.pdf`;
    await page.setViewportSize({ width: 1280, height: 900 });
    await newCountyDraft(page, { name: 'X'.repeat(400) });
    await page.click('.steps li:nth-child(1) button');
    await page.fill('#contact-phone', '0'.repeat(300));
    await page.fill('#contact-email', `${'m'.repeat(300)}@example.gov.cn`);
    await page.click('.form-end button');
    await addEvidence(page, 1, { title: url, number: `晋政发${'9'.repeat(300)}号`, date: '2020-06-30' });
    await page.fill('#ind-1-note', 'n'.repeat(3000));
    await page.waitForTimeout(100);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const step of [1, 2, 3]) {
        await page.click(`.steps li:nth-child(${step}) button`);
        await page.waitForTimeout(50);
        const w = await widths(page);
        assert.ok(w.scroll <= w.viewport, `step ${step} at ${width} px: ${w.scroll} px wide`);
        if (step === 2) {
          const remove = await page.locator('#ind-1 .evidence-list button.danger').boundingBox();
          assert.ok(remove.width > remove.height, `移除 on one line at ${width} px: ${JSON.stringify(remove)}`);
          await page.locator('#ind-1 .evidence-list').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `/tmp/county-long-cards-${width}.png` });
        }
        if (step === 3) {
          await page.emulateMedia({ media: 'print' });
          const p = await widths(page);
          assert.ok(p.scroll <= p.viewport, `the printed report at ${width} px: ${p.scroll} px wide`);
          await page.emulateMedia({ media: 'screen' });
          await page.locator('.report-evidence').first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: `/tmp/county-long-report-${width}.png` });
        }
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('choosing a city leaves the level to choose: a county is never made a city by default', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.click('[data-action="new"]');
    await page.selectOption('#city', '140100');
    assert.equal(await page.inputValue('#division-code'), '', 'no code before the level is chosen');
    assert.equal(await page.inputValue('#county'), '');
    assert.equal(await page.locator('#code-status').getAttribute('data-level'), null);
    assert.match(await text(page, '#county option:checked'), /请选择县（市、区）或市本级/);
    assert.equal(await text(page, '[data-testid="applicable"]'), '95', 'still counted as a county, not a city (100)');
    await page.selectOption('#county', '140100');
    assert.equal(await page.locator('#code-status').getAttribute('data-level'), 'city');
    await page.selectOption('#county', '140105');
    assert.equal(await page.locator('#code-status').getAttribute('data-level'), 'county');
    // Another city: the county of the first does not stay behind.
    await page.selectOption('#city', '140200');
    assert.equal(await page.inputValue('#division-code'), '');
    assert.equal(await page.inputValue('#city'), '140200');
    await shot(page, 'applicant-level-choice-360', { width: 360, height: 800 });
    await page.screenshot({ path: '/tmp/county-level-360.png' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/county-level-1280.png' });
    // The same city again keeps a county that is its own.
    await page.selectOption('#county', '140213');
    await page.selectOption('#city', '140200');
    assert.equal(await page.inputValue('#division-code'), '140213');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a reason box not yet confirmed stays when another card is used, or the page says it was dropped', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await newCountyDraft(page);
    await page.click('#ind-1 [data-status="not_applicable"]');
    await page.fill('#ind-1-pending', '理由写了一半');
    await page.check('#ind-2-p0');
    await page.click('#ind-3 [data-status="not_met"]');
    await page.waitForSelector('#ind-3[data-status="not_met"]');
    assert.equal(await page.inputValue('#ind-1-pending'), '理由写了一半', 'the reason box is still there');
    assert.equal(await page.locator('#ind-1').getAttribute('data-status'), 'unanswered');
    assert.equal(await page.locator('[data-notice="problems"]').count(), 0);
    // Confirming it still works.
    await page.press('#ind-1-pending', 'Enter');
    await page.waitForSelector('#ind-1[data-status="not_applicable"]');
    // Another card's status that needs its own reason takes the box: the page says so.
    await page.click('#ind-4 [data-status="not_applicable"]');
    await page.fill('#ind-4-pending', '');
    await page.click('#ind-5 [data-status="not_applicable"]');
    await page.waitForSelector('#ind-5-pending');
    assert.equal(await page.locator('#ind-4-pending').count(), 0);
    const notice = page.locator('[data-notice="problems"][data-topic="pending-dropped"]');
    assert.match(await notice.innerText(), /没有记录[\s\S]*第 4 项指标/);
    await page.screenshot({ path: '/tmp/county-pending-dropped-1280.png' });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('keyboard only: focus follows each step, and j starts from the first indicator', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    const tabTo = async (selector) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('[data-action="new"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#applicant-title');
    assert.equal(await activeId(page), 'content', 'focus on the applicant form');
    await tabTo('#division-code');
    await page.keyboard.type('140105');
    await tabTo('.form-end button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#ind-1');
    assert.equal(await activeId(page), 'ind-1', 'focus on the first indicator');
    await page.keyboard.press('3');
    await page.waitForSelector('#ind-1[data-status="not_met"]');
    await page.keyboard.press('j');
    assert.equal(await activeId(page), 'ind-2', 'the first j goes to indicator 2, from 1');
    await page.keyboard.press('4');
    await page.waitForSelector('#ind-2-pending');
    assert.equal(await activeId(page), 'ind-2-pending');
    await page.keyboard.type('本县无此职能');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#ind-2[data-status="not_applicable"]');
    assert.equal(await activeId(page), 'ind-2', 'focus back on the card once the reason is confirmed');
    await page.keyboard.press('j');
    assert.equal(await activeId(page), 'ind-3');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('right-to-left text in what the official typed cannot reorder the text around it', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await newCountyDraft(page, { name: '王\u200Fمرحبا张' });
    // A title that ends in Arabic, then the date; a title with an override, then its number.
    await addEvidence(page, 1, { title: '王\u200Fمرحبا', date: '2024-03-01' });
    await addEvidence(page, 2, { title: '王\u202Eمرحبا张', number: '法〔2024〕1号' });
    const check = async (where, selector1, selector2) => {
      const [wang, arabic, date] = await xOf(page, selector1, ['王', 'م', '2024']);
      assert.ok(wang < arabic && arabic < date, `${where}: the date after the title (${wang}, ${arabic}, ${date})`);
      const [w2, fa, hao] = await xOf(page, selector2, ['王', '法', '号']);
      assert.ok(w2 < fa && fa < hao, `${where}: the number after the title, in order (${w2}, ${fa}, ${hao})`);
    };
    await check('card', '#ind-1 .evidence-list li', '#ind-2 .evidence-list li');
    await page.screenshot({ path: '/tmp/county-bidi-cards-1280.png' });
    await toReport(page);
    const report = (n) => `.report-answer[data-number="${n}"] .report-evidence li`;
    await check('report', report(1), report(2));
    // The name keeps its order against its label in the report.
    const name = '[aria-labelledby="r-applicant"] tr:nth-child(4)';
    assert.match(await text(page, `${name} th`), /联系人/);
    const label = await page.locator(`${name} th`).evaluate((th) => th.getBoundingClientRect().right);
    const [wang, zhang] = await xOf(page, `${name} td`, ['王', '张']);
    assert.ok(label <= wang && wang < zhang, `the name after its label, 王 before 张 (${label}, ${wang}, ${zhang})`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a weak download is confirmed first, saying why; confirming downloads (never a block)', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await newCountyDraft(page);
    const questions = [];
    let answer = false;
    page.on('dialog', (d) => {
      questions.push(d.message());
      return answer ? d.accept() : d.dismiss();
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.click('.topbar .tools button.primary');
    await page.waitForTimeout(500);
    assert.equal(questions.length, 1);
    assert.match(questions[0], /还没有作答任何指标（0 \/ 95 项）/);
    assert.equal(downloads, 0, 'cancelled: nothing downloaded');
    for (let p = 0; p < points(1); p++) await page.check(`#ind-1-p${p}`);
    answer = true;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.topbar .tools button.primary')]);
    assert.match(download.suggestedFilename(), /^太原市-小店区-综合示范-/);
    assert.match(questions[1], /估算达标率为 [\d.]+%，低于 90\.0% 的示范标准（还需 \d+ 项达标，94 项未作答）/);
    // The report says how many are still unanswered before printing, and asks the same.
    await toReport(page);
    assert.match(await text(page, '.print-unanswered'), /还有 94 项指标未作答/);
    await Promise.all([page.waitForEvent('download'), page.click('.report-tools button:nth-child(2)')]);
    assert.equal(questions.length, 3);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the contact telephone and e-mail are checked, with a warning that never blocks', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.click('[data-action="new"]');
    await page.fill('#division-code', '140105');
    await page.fill('#contact-phone', '12345');
    await page.fill('#contact-email', 'fzb.example.gov.cn');
    assert.match(await text(page, '#contact-phone-warning'), /联系电话「12345」看起来不是有效的电话号码/);
    assert.match(await text(page, '#contact-email-warning'), /电子邮箱「fzb\.example\.gov\.cn」看起来不是有效的地址/);
    assert.equal(await page.getAttribute('#contact-phone', 'aria-describedby'), 'contact-phone-warning');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('#contact-phone').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/county-contact-360.png' });
    await page.fill('#contact-phone', '0351-1234567');
    await page.fill('#contact-email', 'fzb@example.gov.cn');
    assert.equal(await page.locator('#contact-phone-warning, #contact-email-warning').count(), 0);
    await page.fill('#contact-phone', '12345');
    await page.click('.form-end button');
    await page.waitForSelector('#ind-1');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a registered evidence entry can be edited in place, and the edit is kept', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await newCountyDraft(page);
    await addEvidence(page, 1, { title: '政务服务事项清单', number: '晋政办发〔2020〕12号', date: '2020-06-30' });
    await addEvidence(page, 1, { title: '第二份材料' });
    await page.click('#ind-1 .evidence-list li:first-child .evidence-actions button:first-child');
    assert.equal(await page.inputValue('#ev-1-title'), '政务服务事项清单');
    assert.equal(await page.inputValue('#ev-1-number'), '晋政办发〔2020〕12号');
    await page.fill('#ev-1-title', '政务服务事项清单（2021 年修订）');
    await page.fill('#ev-1-date', '2021-01-15');
    await page.click('#ind-1 .evidence-form button[type="submit"]');
    await page.waitForSelector('#ind-1 .evidence-form', { state: 'detached' });
    // Without the isolates (U+2066–U+2069) that keep each part's direction its own.
    const entries = async () =>
      (await page.locator('#ind-1 .evidence-list li .evidence-line').allInnerTexts()).map((t) => t.replace(/[\u2066-\u2069]/g, ''));
    assert.deepEqual(await entries(), ['政务服务事项清单（2021 年修订） · 晋政办发〔2020〕12号 · 2021-01-15', '第二份材料']);
    // A refused edit keeps the form and the entry as they were.
    await page.click('#ind-1 .evidence-list li:nth-child(2) .evidence-actions button:first-child');
    await page.fill('#ev-1-title', ' ');
    await page.click('#ind-1 .evidence-form button[type="submit"]');
    await page.waitForSelector('#ind-1 .evidence-form [role="alert"]');
    await page.click('#ind-1 .evidence-form .actions button:nth-child(2)');
    await page.waitForTimeout(800);
    await page.reload();
    await page.waitForSelector('#ind-1 .evidence-list');
    assert.deepEqual(await entries(), ['政务服务事项清单（2021 年修订） · 晋政办发〔2020〕12号 · 2021-01-15', '第二份材料']);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the gap list is grouped by status, then by area', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await newCountyDraft(page);
    const partly = [1, 2, 3, 4, 5, 6].find((n) => points(n) > 1);
    await page.check(`#ind-${partly}-p0`);
    await page.click('#ind-7 [data-status="not_met"]');
    await page.waitForSelector('#ind-7[data-status="not_met"]');
    // The list reads: a status heading, then each area's heading and its gaps.
    const groupsOf = (selector) =>
      page.locator(selector).evaluateAll((rows) => {
        const groups = [];
        for (const row of rows) {
          if (row.classList.contains('gap-status')) {
            groups.push({ status: row.dataset.status, heading: row.innerText, areas: [], gaps: [] });
          } else if (row.classList.contains('gap-area')) {
            groups.at(-1).areas.push(row.innerText);
          } else {
            groups.at(-1).gaps.push(Number(row.dataset.gap ?? row.querySelector('[data-gap]').dataset.gap));
          }
        }
        return groups;
      });
    const groups = await groupsOf('.summary .gaps > li');
    assert.deepEqual(groups.map((g) => g.status), ['not_met', 'partly_met', 'unanswered']);
    assert.deepEqual(groups[0].gaps, [7]);
    assert.deepEqual(groups[1].gaps, [partly]);
    assert.match(groups[0].heading, /未达标（1 项）/);
    assert.match(groups[2].heading, /未作答（93 项）/);
    assert.equal(groups[2].areas[0], `一、${catalog.areas[0].title}`);
    assert.ok(groups[2].areas.length > 1, 'the unanswered are split by area');
    await page.locator('.summary .gaps').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/county-gaps-1280.png' });
    await toReport(page);
    assert.deepEqual(await groupsOf('.report .gaps > li'), groups, 'the report groups them alike');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('.report .gaps').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/county-report-gaps-360.png' });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('the language chosen is remembered for the next visit', async () => {
  const { page, errors } = await openApp(site.browser, site.server.url);
  try {
    await page.click('.topbar button.lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await text(page, '[data-action="new"]'), /[A-Za-z]/);
    await page.click('.topbar button.lang');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.goto(site.server.url);
    await page.waitForSelector('#app[data-ready="true"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('axe-core finds no WCAG 2.1 A/AA violation on the start, applicant, workspace and report screens', async () => {
  const context = await axeContext(site.browser);
  const { page, errors } = await openApp(context, site.server.url);
  try {
    const found = {};
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      found[`start ${width}`] = await axeViolations(page);
    }
    await page.click('[data-action="new"]');
    await page.selectOption('#city', '140100');
    found.applicant = await axeViolations(page);
    await page.selectOption('#county', '140105');
    await page.fill('#contact-phone', '123');
    found['applicant with a warning'] = await axeViolations(page);
    await page.click('.form-end button');
    await page.waitForSelector('#ind-1');
    await page.click('#ind-1 [data-status="not_applicable"]');
    await page.click('#ind-2 .evidence > button');
    found['workspace (reason box, evidence form)'] = await axeViolations(page);
    await page.keyboard.press('Escape');
    await page.click('#ind-2 .evidence-form .actions button:nth-child(2)');
    await toReport(page);
    found.report = await axeViolations(page);
    const all = Object.entries(found).filter(([, v]) => v.length > 0);
    assert.deepEqual(
      all.map(([screen]) => screen),
      [],
      all.map(([screen, v]) => `${screen}:\n  ${describeViolations(v)}`).join('\n'),
    );
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
