/** Wall links: `${base}/w/${id}#${token}`. The token is the whole fragment, so it never reaches a request line or a Referer. */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

/** PUBLIC_URL, or else what the request says (behind a proxy, only right with TRUST_PROXY). */
export function baseUrl(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function wallLink(config: Config, request: FastifyRequest, wallId: string, token: string): string {
  return `${baseUrl(config, request)}/w/${wallId}#${token}`;
}
