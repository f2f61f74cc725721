import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '#domain';
import type { FastifyRequest } from 'fastify';
import { actorOf, type Principal } from './principal.js';

export const IS_PUBLIC = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** Marks a route that needs no API key. Every other route needs one: the guard is global. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The roles that may call a route; `admin` may always. A route that names none is refused to all. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const requestIdOf = (request: FastifyRequest): string | null => request.id ?? null;

/** The caller's key, role and scope. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The caller as the audit trail records it. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentActor used on a public route');
  return actorOf(request.principal, requestIdOf(request));
});
