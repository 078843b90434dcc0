/**
 * The wire protocol, named once. The y-websocket framing is unchanged (see docs/protocol.md):
 * every binary frame starts with a varuint message type.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * WebSocket close codes the server uses. 4000–4999 are ours; 1001 and 1009 are the standard
 * codes ws itself sends for shutdown and for a frame over the size limit. The stock y-websocket
 * client never reconnects after 4400–4499 and retries after anything else, so a condition that a
 * fresh connection cures (a full resync fills missing dependencies; a slow phone catches up)
 * takes a 45xx code.
 */
export const CloseCode = {
  GoingAway: 1001,
  MessageTooBig: 1009,
  MalformedMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  WallNotFound: 4404,
  WallDeleted: 4410,
  WallFull: 4413,
  TooManyPendingUpdates: 4509,
  /** The connection sent frames faster than its rate limit; a reconnect after the backoff is welcome. */
  TooManyMessages: 4508,
  SlowConsumer: 4529,
  LoadFailed: 4500,
  StorageFailed: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable reasons sent with each close code (at most 123 bytes by the WebSocket spec). */
export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.GoingAway]: 'server shutting down',
  [CloseCode.MessageTooBig]: 'frame exceeds the size limit',
  [CloseCode.MalformedMessage]: 'malformed or undecodable message',
  [CloseCode.Unauthorized]: 'missing or invalid token',
  [CloseCode.Forbidden]: 'role may not do this',
  [CloseCode.WallNotFound]: 'wall not found',
  [CloseCode.WallDeleted]: 'the wall was deleted',
  [CloseCode.WallFull]: 'the change would take the wall over a size limit',
  [CloseCode.TooManyPendingUpdates]: 'too many updates with missing dependencies',
  [CloseCode.TooManyMessages]: 'too many messages per second',
  [CloseCode.SlowConsumer]: 'client is not reading fast enough',
  [CloseCode.LoadFailed]: 'wall could not be loaded',
  [CloseCode.StorageFailed]: 'update could not be saved',
};

/**
 * Close reasons of a refused change (4403) that the client explains in its own words: a lock or
 * a freeze that came just before the change arrived, not a missing right. The server's rules
 * (server/rooms/permissions.ts) send exactly these; any other reason is shown as a plain refusal.
 */
export const RefusalReason = {
  TaskLocked: 'the task is locked',
  WallLocked: 'the wall is locked',
  WallFrozen: 'the wall is frozen',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/** Path prefix of the WebSocket endpoint: `/ws/<wallId>?token=<token>`. */
export const WS_PATH = '/ws';
/** Sub-types of a Sync message (y-protocols/sync). */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/** Version tag of export.json. */
export const EXPORT_FORMAT = 'pajaseina/1';
