import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { bearerToken, type Role } from '#domain';
import { ApiKeyAuthenticator } from './api-key-authenticator.service.js';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators.js';

/**
 * Global guard: every route needs a valid API key unless marked `@Public()`, and the key's role must be one
 * the route names with `@Roles()`. A route that names no roles is closed, so a forgotten decorator fails safe.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('An API key is required: send "Authorization: Bearer <token>"');
    const principal = await this.authenticator.authenticate(token);
    if (!principal) throw new UnauthorizedException('The API key is not valid or has been revoked');
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (principal.role === 'admin' || allowed.includes(principal.role)) return true;
    throw new ForbiddenException(`The ${principal.role} role may not do this`);
  }
}
