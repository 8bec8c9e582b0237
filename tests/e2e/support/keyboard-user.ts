/**
 * A resident who uses only the keyboard: Tab and Shift+Tab to move, Space to tick and press, arrow
 * keys within a group of radios, Enter to follow links and submit, and typing. No clicks, no
 * `fill`. Each move checks where focus went, so a control that cannot be reached fails the test.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Answer } from './resident/questions.ts';

const maxPresses = 40;

export class KeyboardUser {
  constructor(readonly page: Page) {}

  isFocused(target: Locator): Promise<boolean> {
    return target.evaluate((el) => el === document.activeElement);
  }

  /** Presses Tab (or Shift+Tab, when the target is above the focus) until `target` has focus. */
  async tabTo(target: Locator): Promise<void> {
    const backwards = await target.evaluate((el) => {
      const current = document.activeElement;
      if (!current || current === document.body) return false;
      return Boolean(current.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    });
    const key = backwards ? 'Shift+Tab' : 'Tab';
    for (let i = 0; i < maxPresses; i++) {
      if (await this.isFocused(target)) return;
      await this.page.keyboard.press(key);
    }
    expect(await this.isFocused(target), `${key} never reached ${target.toString()}`).toBe(true);
  }

  async press(target: Locator, key: 'Enter' | 'Space'): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press(key);
  }

  /**
   * Tab moves into a group of radios once (onto the checked one, or the first); the arrow keys then
   * move between them and select as they go (WAI-ARIA radio group pattern).
   */
  async chooseRadio(radio: Locator): Promise<void> {
    const name = await radio.getAttribute('name');
    const group = this.page.locator(`input[type=radio][name="${name}"]`);
    const inGroup = () =>
      this.page.evaluate((n) => {
        const el = document.activeElement;
        return el instanceof HTMLInputElement && el.type === 'radio' && el.name === n;
      }, name);
    for (let i = 0; i < maxPresses && !(await inGroup()); i++)
      await this.page.keyboard.press('Tab');
    expect(await inGroup(), `Tab never reached the radios "${name}"`).toBe(true);
    const count = await group.count();
    for (let i = 0; i < count && !(await this.isFocused(radio)); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    expect(await this.isFocused(radio)).toBe(true);
    // Tabbing onto a radio focuses it without selecting it; Space selects.
    if (!(await radio.isChecked())) await this.page.keyboard.press('Space');
    await expect(radio).toBeChecked();
  }

  async tick(checkbox: Locator): Promise<void> {
    await this.press(checkbox, 'Space');
    await expect(checkbox).toBeChecked();
  }

  async typeInto(field: Locator, text: string): Promise<void> {
    await this.tabTo(field);
    await this.page.keyboard.type(text);
    await expect(field).toHaveValue(text);
  }

  async give(answer: Answer, control: Locator): Promise<void> {
    if (answer.control === 'radio') await this.chooseRadio(control);
    else if (answer.control === 'checkbox') await this.tick(control);
    else await this.typeInto(control, answer.value);
  }
}
