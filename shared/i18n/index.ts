/**
 * Message lookup. Every user-visible string lives in the catalogs; a message with a variable
 * part takes it as a `{name}` placeholder, never by concatenating translated fragments.
 */
import type { Language } from '../schemas';
import { fi } from './fi';
import { sv } from './sv';
import { en } from './en';

export type MessageKey = keyof typeof fi;
export type Messages = Record<MessageKey, string>;

export const catalogs: Record<Language, Messages> = { fi, sv, en };

export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = catalogs[language][key] ?? catalogs.fi[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
