/**
 * "About this service" in both languages, reached as staff reach it, from the footer of the staff
 * sign-in page: the data sources, and Ordnance Survey's required statement word for word (in
 * English on both pages, marked as English for screen readers), with the licence linked; axe clean.
 */
import { expectNoAxeViolations } from './support/axe.ts';
import { expect, test } from './fixtures.ts';
import { Layout } from './pages/layout.ts';
import { languages, t } from './support/resident/locales.ts';

// The text ../shared/data/geo/README.md requires, copied from Code-Point Open's licence.txt.
// Written out here, not read from locales/, so that an edit to the locale files cannot pass.
const requiredStatement = [
  'Contains Ordnance Survey data © Crown copyright and database right 2025.',
  'Contains Royal Mail data © Royal Mail copyright and database right 2025.',
  'Contains National Statistics data © Crown copyright and database right 2025.',
];
const licenceUrl = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

for (const lang of languages) {
  test(`about this service, from the staff pages' footer, in ${lang === 'cy' ? 'Welsh' : 'English'}`, async ({
    page,
  }) => {
    const layout = new Layout(page, lang);
    await layout.visit(`/${lang}/staff/sign-in`);
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: t(lang, 'common.footer.about') })
      .click();

    await expect(page).toHaveURL(new RegExp(`/${lang}/about$`));
    await expect(page).toHaveTitle(new RegExp(t(lang, 'places.about.title')));
    await expect(
      page.getByRole('heading', { level: 1, name: t(lang, 'places.about.title') }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: t(lang, 'places.sources.title') }),
    ).toBeVisible();

    const statement = page.getByTestId('attribution');
    await expect(statement).toHaveAttribute('lang', 'en');
    await expect(statement.getByRole('paragraph')).toHaveText(requiredStatement);
    await expect(
      page.getByRole('link', { name: t(lang, 'places.sources.licence_link') }),
    ).toHaveAttribute('href', licenceUrl);
    await expectNoAxeViolations(page, 'about this service');

    // The page in the other language is one link away, with the same statement.
    await layout.languageSwitch.click();
    const other = lang === 'cy' ? 'en' : 'cy';
    await expect(
      page.getByRole('heading', { level: 1, name: t(other, 'places.about.title') }),
    ).toBeVisible();
    await expect(page.getByTestId('attribution').getByRole('paragraph')).toHaveText(
      requiredStatement,
    );
  });
}
