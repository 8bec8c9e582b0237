import { describe, expect, it } from 'vitest';
import { languages } from '#domain/languages.ts';
import { residentMessages, templateSetting } from '#domain/messages/resident-messages.ts';
import {
  notifyProductionUrl,
  readNotifySettings,
} from '../../../../sync-server/notify/notify-settings.ts';

const key =
  'cymorth_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const templateEnv = Object.fromEntries(
  residentMessages.flatMap((m, i) =>
    languages.map((l, j) => [templateSetting(m, l), `00000000-0000-4000-8000-0000000000${i}${j}`]),
  ),
);

describe('Notify’s settings', () => {
  it('are off without a key: nothing to send with, and no templates asked for', () => {
    expect(readNotifySettings({})).toEqual({
      apiKey: null,
      baseUrl: notifyProductionUrl,
      callbackToken: null,
      templates: null,
    });
  });

  it('take a key with every template, in both languages', () => {
    const settings = readNotifySettings({ NOTIFY_API_KEY: key, ...templateEnv });
    expect(settings.apiKey).toBe(key);
    expect(settings.templates?.received.cy).toBe('00000000-0000-4000-8000-000000000000');
    expect(settings.templates?.not_reached.en).toBe('00000000-0000-4000-8000-000000000031');
  });

  it('refuse a key without every template, naming those missing', () => {
    const lacking = Object.fromEntries(
      Object.entries(templateEnv).filter(([name]) => name !== 'NOTIFY_TEMPLATE_DONE_CY'),
    );
    expect(() => readNotifySettings({ NOTIFY_API_KEY: key, ...lacking })).toThrow(
      /NOTIFY_TEMPLATE_DONE_CY$/,
    );
  });

  it('refuse a key that is not Notify’s, without repeating it', () => {
    expect(() =>
      readNotifySettings({ NOTIFY_API_KEY: 'secret-but-short', ...templateEnv }),
    ).toThrow(/^NOTIFY_API_KEY must be the whole key(?!.*secret-but-short)/);
  });

  it('take another base URL without its trailing slash, and refuse one that is not http(s)', () => {
    const env = { NOTIFY_BASE_URL: 'http://127.0.0.1:9999/' };
    expect(readNotifySettings(env).baseUrl).toBe('http://127.0.0.1:9999');
    expect(() => readNotifySettings({ NOTIFY_BASE_URL: 'ftp://notify.example' })).toThrow(
      /NOTIFY_BASE_URL/,
    );
  });

  it('refuse a callback token short enough to guess', () => {
    expect(() => readNotifySettings({ NOTIFY_CALLBACK_TOKEN: 'short' })).toThrow(
      /NOTIFY_CALLBACK_TOKEN/,
    );
    const token = 'a-long-enough-token-for-notify';
    expect(readNotifySettings({ NOTIFY_CALLBACK_TOKEN: token }).callbackToken).toBe(token);
  });
});
