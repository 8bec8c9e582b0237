/**
 * GOV.UK Notify's settings from the environment (README, "Configuration"), checked at start so a
 * typo fails loudly: `NOTIFY_API_KEY` (none: nothing is sent or queued, and the admins' status
 * says so), `NOTIFY_BASE_URL`, `NOTIFY_CALLBACK_TOKEN` (the bearer token Notify sends with the
 * texts residents reply; none: no replies are taken) and a template id per message and language
 * (`NOTIFY_TEMPLATE_RECEIVED_CY` …, templateSetting), every one required once a key is set, so no
 * resident is left out for want of one language's template. No error repeats a key or token.
 */
import { languages, type Language } from '#domain/languages.ts';
import { httpUrl } from '../env/url-setting.ts';
import {
  residentMessages,
  templateSetting,
  type ResidentMessage,
} from '#domain/messages/resident-messages.ts';

export type TemplateIds = Record<ResidentMessage, Record<Language, string>>;

export type NotifySettings = {
  /** Null: Notify is not configured, and nothing is sent or queued. */
  apiKey: string | null;
  /** Always ends without `/`. */
  baseUrl: string;
  /** Null: the received-text callback is switched off. */
  callbackToken: string | null;
  /** Null exactly when `apiKey` is. */
  templates: TemplateIds | null;
};

export const notifyProductionUrl = 'https://api.notifications.service.gov.uk';

/** Notify's key: `{name}-{service id}-{secret}`, the last two UUIDs (its API keys page). */
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const apiKeyShape = new RegExp(`^[^\\s]*-?${uuid}-${uuid}$`, 'i');
const templateIdShape = new RegExp(`^${uuid}$`, 'i');

export const notConfigured: NotifySettings = {
  apiKey: null,
  baseUrl: notifyProductionUrl,
  callbackToken: null,
  templates: null,
};

function baseUrl(env: NodeJS.ProcessEnv): string {
  const url = httpUrl(env, 'NOTIFY_BASE_URL', notifyProductionUrl);
  return url === null ? notifyProductionUrl : url.href.replace(/\/+$/, '');
}

function templates(env: NodeJS.ProcessEnv): TemplateIds {
  const missing: string[] = [];
  const ids = Object.fromEntries(
    residentMessages.map((message) => [
      message,
      Object.fromEntries(
        languages.map((language) => {
          const name = templateSetting(message, language);
          const value = env[name]?.trim() ?? '';
          if (!templateIdShape.test(value)) missing.push(name);
          return [language, value];
        }),
      ),
    ]),
  ) as TemplateIds;
  if (missing.length > 0) {
    throw new Error(
      `With NOTIFY_API_KEY set, each template id must be set as Notify shows it (a UUID): ${missing.join(', ')}`,
    );
  }
  return ids;
}

export function readNotifySettings(env: NodeJS.ProcessEnv): NotifySettings {
  const apiKey = env.NOTIFY_API_KEY?.trim() || null;
  if (apiKey !== null && !apiKeyShape.test(apiKey)) {
    throw new Error('NOTIFY_API_KEY must be the whole key Notify gave, ending in two UUIDs');
  }
  const callbackToken = env.NOTIFY_CALLBACK_TOKEN?.trim() || null;
  // Notify asks for at least 10 characters; a guessable one would let anyone stop a resident's texts.
  if (callbackToken !== null && callbackToken.length < 20) {
    throw new Error('NOTIFY_CALLBACK_TOKEN must be at least 20 characters');
  }
  return {
    apiKey,
    baseUrl: baseUrl(env),
    callbackToken,
    templates: apiKey === null ? null : templates(env),
  };
}
