import type { Department } from '#database';

export type DepartmentResponse = {
  id: string;
  name: string;
  code: string;
  /** Left out for vendors: a vendor talks to its contract manager, not past them to the head. */
  headEmail?: string;
  createdAt: Date;
  updatedAt: Date;
};

export const toDepartmentResponse = (department: Department): DepartmentResponse => ({
  id: department.id,
  name: department.name,
  code: department.code,
  headEmail: department.headEmail,
  createdAt: department.createdAt,
  updatedAt: department.updatedAt,
});

/** What a vendor sees of a department it works for: no head's address. */
export const toVendorDepartmentResponse = (department: Department): DepartmentResponse => {
  const { headEmail: _headEmail, ...rest } = toDepartmentResponse(department);
  return rest;
};
