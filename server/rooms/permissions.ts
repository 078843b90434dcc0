/**
 * What each role may do on a wall's socket. The one place that decides it; finer rules (group
 * links, facilitator-only changes) belong here too when they come.
 */
import type { Role } from '../../shared/schemas';

/** May the role's document updates be stored, applied and relayed? */
export function mayEdit(role: Role): boolean {
  return role === 'facilitator' || role === 'participant';
}

/**
 * May the role's awareness (name, cursor, group) be shown to others? Viewers are passive
 * screens, e.g. a projector; they see everyone but nobody sees them.
 */
export function mayPublishAwareness(role: Role): boolean {
  return role !== 'viewer';
}
