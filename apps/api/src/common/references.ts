import { DomainError } from '#domain';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** A body that names a record which does not exist is bad input: a 400 on that field, not a 404. */
export async function assertReferenceExists<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  field: string,
  label: string,
): Promise<void> {
  if (!(await manager.existsBy(entity, { id } as never)))
    throw DomainError.invalid(field, `${label} ${id} does not exist`);
}
