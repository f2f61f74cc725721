import type { EmailLanguage } from '../types.js';
import type { MessageCatalogue } from './catalogue.js';
import { en } from './en.js';
import { es } from './es.js';
import { pt } from './pt.js';

export type { EmailLocale, MessageCatalogue } from './catalogue.js';

/** Every language's catalogue; a language without one is a compile error. */
export const MESSAGES: Readonly<Record<EmailLanguage, MessageCatalogue>> = { en, es, pt };

/** The catalogue of a language; RangeError for a language the emails are not written in. */
export function messagesFor(language: EmailLanguage): MessageCatalogue {
  if (!Object.hasOwn(MESSAGES, language)) throw new RangeError(`Not an email language: ${JSON.stringify(language)}`);
  return MESSAGES[language];
}
