/** What every part of an open wall needs: the session, who we are, and what we may do. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WallInfo } from '../../shared/schemas';
import type { Wall } from '../../shared/wall';
import type { Profile } from '../storage';
import type { WallSession } from '../sync/session';

export interface WallContextValue {
  session: WallSession;
  wall: Wall;
  info: WallInfo;
  wallId: string;
  /** This page's own link token (the facilitator's, for the share dialog's admin requests). */
  token: string;
  profile: Profile | null;
  setProfile: (profile: Profile) => void;
}

const WallContext = createContext<WallContextValue | null>(null);
export const WallContextProvider = WallContext.Provider;

export function useWallContext(): WallContextValue {
  const ctx = useContext(WallContext);
  if (!ctx) throw new Error('useWallContext outside an open wall');
  return ctx;
}

/**
 * What the link allows. The server enforces the same (and closes the connection with 4403 on a
 * refused change); this only hides what would be refused. A group link's holder writes, edits
 * and moves notes only inside their own group.
 */
export function permissions(info: Pick<WallInfo, 'role' | 'groupId'>) {
  const role = info.role;
  const fixedGroupId = role === 'participant' ? (info.groupId ?? null) : null;
  const canWrite = role !== 'viewer';
  return {
    canWrite,
    /** Set for a group link: the one group this participant may write in. */
    fixedGroupId,
    canWriteIn: (groupId: string) => canWrite && (fixedGroupId === null || fixedGroupId === groupId),
    canManageGroups: role === 'facilitator',
    canEditAnyNote: role === 'facilitator',
  };
}
