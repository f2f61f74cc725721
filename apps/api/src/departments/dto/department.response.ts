import type { Department } from '#database';

export type DepartmentResponse = {
  id: string;
  name: string;
  code: string;
  headEmail: string;
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
