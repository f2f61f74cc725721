import type { ApiKey } from '#database';
import type { Role } from '#domain';

export type ApiKeyResponse = {
  id: string;
  name: string;
  role: Role;
  tokenPrefix: string;
  departmentIds: string[];
  vendorId: string | null;
  createdAt: Date;
  revokedAt: Date | null;
};

/** The answer to a create: the only time the token is ever shown. */
export type CreatedApiKeyResponse = ApiKeyResponse & { token: string };

export const toApiKeyResponse = (key: ApiKey): ApiKeyResponse => ({
  id: key.id,
  name: key.name,
  role: key.role,
  tokenPrefix: key.tokenPrefix,
  departmentIds: (key.departments ?? []).map((department) => department.id).sort(),
  vendorId: key.vendorId,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt,
});
