/** What the Markdown and CSV exports share: the wall's language and which notes the requester may see. */
import { translate, type MessageKey } from '../../shared/i18n';
import type { Language, Role } from '../../shared/schemas';
import type { Note, Wall } from '../../shared/wall';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const translator = (language: Language): Translate => (key, params) => translate(language, key, params);

/** Hidden notes are the facilitator's to see (moderation); everyone else's export leaves them out. */
export const visibleTo = (role: Role) => (note: Note) => role === 'facilitator' || !note.hidden;

/** Authors' names go out only when the wall shows them (control.showAuthors). */
export const authorOf = (wall: Wall, note: Note): string | null => (wall.control.showAuthors() ? note.authorName : null);
