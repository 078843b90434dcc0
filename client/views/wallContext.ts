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

/** What the role allows. The server enforces the same; this only hides what would be refused. */
export function permissions(role: WallInfo['role']) {
  return {
    canWrite: role !== 'viewer',
    canManageGroups: role === 'facilitator',
    canEditAnyNote: role === 'facilitator',
  };
}
