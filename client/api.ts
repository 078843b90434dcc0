/** The HTTP API, with every answer validated by the shared schemas. */
import { CreateWallResponse, WallInfo, type CreateWallBody } from '../shared/schemas';

export type ApiFailureKind = 'network' | 'unauthorized' | 'notFound' | 'invalid' | 'rateLimited' | 'server';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    readonly status = 0,
  ) {
    super(`API request failed: ${kind} (${status})`);
  }
}

// Weak mobile connections are slow, but a request that hangs forever helps nobody.
const TIMEOUT_MS = 20_000;

async function request(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new ApiFailure('network');
  }
  if (!response.ok) {
    const s = response.status;
    const kind: ApiFailureKind =
      s === 401 || s === 403 ? 'unauthorized' : s === 404 ? 'notFound' : s === 429 ? 'rateLimited' : s < 500 ? 'invalid' : 'server';
    throw new ApiFailure(kind, s);
  }
  try {
    return await response.json();
  } catch {
    throw new ApiFailure('server', response.status);
  }
}

export async function createWall(body: CreateWallBody): Promise<CreateWallResponse> {
  const json = await request('/api/walls', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = CreateWallResponse.safeParse(json);
  if (!parsed.success) throw new ApiFailure('server');
  return parsed.data;
}

export async function fetchWallInfo(id: string, token: string): Promise<WallInfo> {
  const json = await request(`/api/walls/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const parsed = WallInfo.safeParse(json);
  if (!parsed.success) throw new ApiFailure('server');
  return parsed.data;
}
