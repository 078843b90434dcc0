/**
 * The role a person said at join, kept per wall in this browser only. The wall stamps it on what
 * this page writes (Wall.setWriterRole) for the facilitator's report; it is never shown.
 */
import { ParticipantRole } from '../shared/schemas';
import { readLocal, writeLocal } from './storage';

const key = (wallId: string) => `pajaseina:wall:${wallId}:role`;

export function getParticipantRole(wallId: string): ParticipantRole | undefined {
  const parsed = ParticipantRole.safeParse(readLocal(key(wallId)));
  return parsed.success ? parsed.data : undefined;
}

export function setParticipantRole(wallId: string, role: ParticipantRole | undefined): void {
  writeLocal(key(wallId), role ?? null);
}
