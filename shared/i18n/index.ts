/**
 * Message lookup. Every user-visible string lives in the catalogs; a message with a variable
 * part takes it as a `{name}` placeholder, never by concatenating translated fragments.
 *
 * The core catalogs (fi.ts, sv.ts, en.ts) hold the wall's basics; each later feature keeps its
 * messages in features/<feature>.ts, all three languages side by side.
 *
 * The browser does not load this module: its build (vite.config.ts) sends the client's imports of
 * it to client/languageCatalogs.ts, which has the same translate() over these catalogs split by
 * language, so a page downloads only the languages it shows.
 */
import type { Language } from '../schemas';
import { fillMessage } from './fill';
import { fi as fiCore } from './fi';
import { sv as svCore } from './sv';
import { en as enCore } from './en';
import { accessMessages } from './features/access';
import { facilitationMessages } from './features/facilitation';
import { processMessages } from './features/process';
import { projectorMessages } from './features/projector';
import { reportMessages } from './features/report';
import { reviewMessages } from './features/review';
import { templateMessages } from './features/template';

export type CoreMessages = Record<keyof typeof fiCore, string>;

const FEATURES = [templateMessages, processMessages, facilitationMessages, projectorMessages, reviewMessages, reportMessages, accessMessages] as const;

const fi = {
  ...fiCore,
  ...templateMessages.fi,
  ...processMessages.fi,
  ...facilitationMessages.fi,
  ...projectorMessages.fi,
  ...reviewMessages.fi,
  ...reportMessages.fi,
  ...accessMessages.fi,
};

export type MessageKey = keyof typeof fi;
export type Messages = Record<MessageKey, string>;

function merged(language: 'sv' | 'en', core: CoreMessages): Messages {
  return Object.assign({}, core, ...FEATURES.map((f) => f[language])) as Messages;
}

export const catalogs: Record<Language, Messages> = { fi, sv: merged('sv', svCore), en: merged('en', enCore) };

export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return fillMessage(catalogs[language][key] ?? catalogs.fi[key], params);
}
