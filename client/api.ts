/** The HTTP API, with every answer validated by the shared schemas. */
import type { Schema } from '#zod';
import {
  ApiError,
  CreateWallResponse,
  GroupLinkResponse,
  RetentionResponse,
  RotateTokenResponse,
  WallInfo,
  type CreateWallBody,
} from '../shared/schemas';

export type ApiFailureKind = 'network' | 'unauthorized' | 'notFound' | 'invalid' | 'rateLimited' | 'server';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    readonly status = 0,
    /** The server's machine-readable error code and its message, when it sent them. */
    readonly code: string | null = null,
    readonly serverMessage: string | null = null,
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
    const body = ApiError.safeParse(await response.json().catch(() => null));
    throw new ApiFailure(kind, s, body.success ? body.data.error : null, body.success ? body.data.message : null);
  }
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw new ApiFailure('server', response.status);
  }
}

function parse<T>(schema: Schema<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiFailure('server');
  return parsed.data;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const jsonHeaders = (token: string) => ({ 'content-type': 'application/json', ...bearer(token) });
const wallPath = (id: string) => `/api/walls/${encodeURIComponent(id)}`;

/** `organiserKey` is sent only when the server asked for one (error `organiser_key_required`). */
export async function createWall(body: CreateWallBody, organiserKey?: string | null): Promise<CreateWallResponse> {
  const json = await request('/api/walls', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(organiserKey ? bearer(organiserKey) : {}) },
    body: JSON.stringify(body),
  });
  return parse(CreateWallResponse, json);
}

export async function fetchWallInfo(id: string, token: string): Promise<WallInfo> {
  return parse(WallInfo, await request(wallPath(id), { headers: bearer(token) }));
}

/** Facilitator: a new link for a role (or a group); the old one stops working at once. */
export async function rotateLink(id: string, token: string, role: 'participant' | 'viewer', groupId?: string) {
  const json = await request(`${wallPath(id)}/rotate`, {
    method: 'POST',
    headers: jsonHeaders(token),
    body: JSON.stringify(groupId ? { role, groupId } : { role }),
  });
  return parse(RotateTokenResponse, json);
}

/** Facilitator: a participant link that writes only in one group (again = replaces the old one). */
export async function createGroupLink(id: string, token: string, groupId: string) {
  const json = await request(`${wallPath(id)}/group-links`, {
    method: 'POST',
    headers: jsonHeaders(token),
    body: JSON.stringify({ groupId }),
  });
  return parse(GroupLinkResponse, json);
}

export async function deleteWall(id: string, token: string): Promise<void> {
  await request(wallPath(id), { method: 'DELETE', headers: bearer(token) });
}

/** Facilitator: when the server deletes the wall (ISO date-time), or null for never. */
export async function setRetention(id: string, token: string, deleteAt: string | null) {
  const json = await request(`${wallPath(id)}/retention`, {
    method: 'PUT',
    headers: jsonHeaders(token),
    body: JSON.stringify({ deleteAt }),
  });
  return parse(RetentionResponse, json);
}
