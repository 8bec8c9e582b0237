/**
 * The privacy notice in both languages (issue 12): reached from the start page's footer and from
 * the first question, with a heading for each thing a resident must be told, axe clean; the Welsh
 * one also opens with no signal after a first visit, as every resident page does.
 */
import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './fixtures.ts';
import { languages, t } from './support/resident/locales.ts';

const sections = [
  'responsible',
  'collected',
  'why',
  'who_sees',
  'devices',
  'how_long',
  'rights',
  'contact',
  'complain',
];

for (const lang of languages) {
  test(`the privacy notice, from the start page and the first question, in ${lang === 'cy' ? 'Welsh' : 'English'}`, async ({
    cymorth,
    device,
    page,
  }) => {
    const start = cymorth.start(lang);
    await start.open();
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: t(lang, 'common.footer.privacy') })
      .click();

    await expect(page).toHaveURL(new RegExp(`/${lang}/privacy$`));
    await expect(page).toHaveTitle(`${t(lang, 'privacy.title')} – ${t(lang, 'common.app_name')}`);
    await expect(
      page.getByRole('heading', { level: 1, name: t(lang, 'privacy.title') }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      sections.map((s) => t(lang, `privacy.${s}.title`)),
    );
    await expect(page.getByRole('link', { name: 'ico.org.uk' })).toHaveAttribute(
      'href',
      'https://ico.org.uk/',
    );
    await expectNoAxeViolations(page, 'the privacy notice');

    // The first question says personal and health details will be asked for, and links here.
    const question = cymorth.question(lang);
    await question.open('who');
    await expect(page.getByText(t(lang, 'request.privacy.note'))).toBeVisible();
    await question.main.getByRole('link', { name: t(lang, 'request.privacy.link') }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/privacy$`));
    await expect(
      page.getByRole('heading', { level: 1, name: t(lang, 'privacy.title') }),
    ).toBeVisible();

    if (lang !== 'cy') return;
    // Offline after a first visit: the prerendered page is in the service worker's precache.
    await device.serviceWorkerReady();
    await device.goOffline();
    await cymorth.layout(lang).reload();
    await expect(
      page.getByRole('heading', { level: 1, name: t(lang, 'privacy.title') }),
    ).toBeVisible();
    await expect(cymorth.layout(lang).offlineBanner).toBeVisible();
  });
}
