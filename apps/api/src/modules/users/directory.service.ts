import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page } from '@countersign/contracts/common';
import type { DepartmentView, UserSummary } from '@countersign/contracts/directory';
import { DataSource } from 'typeorm';

export interface UserListFilter {
  q?: string;
  departmentId?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  departments(organisationId: string): Promise<DepartmentView[]> {
    return this.dataSource.query(
      `SELECT d.id, d.name, count(u.id)::int AS "memberCount"
         FROM department d
         LEFT JOIN app_user u ON u.department_id = d.id AND u.active
        WHERE d.organisation_id = $1
        GROUP BY d.id ORDER BY d.name`,
      [organisationId],
    );
  }

  async users(organisationId: string, filter: UserListFilter): Promise<Page<UserSummary>> {
    const params: unknown[] = [organisationId];
    let where = 'u.organisation_id = $1 AND u.active';
    if (filter.q) {
      params.push(`%${escapeLike(filter.q)}%`);
      where += ` AND (u.name ILIKE $${params.length} OR u.email ILIKE $${params.length})`;
    }
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where += ` AND u.department_id = $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM app_user u WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        email: string;
        role: UserSummary['role'];
        tier: UserSummary['sensitivityTier'];
        dept_id: string | null;
        dept_name: string | null;
      }[]
    >(
      `SELECT u.id, u.name, u.email, u.role, u.sensitivity_tier AS tier, d.id AS dept_id, d.name AS dept_name
         FROM app_user u LEFT JOIN department d ON d.id = u.department_id
        WHERE ${where}
        ORDER BY u.name, u.id
        LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        role: r.role,
        sensitivityTier: r.tier,
        department: r.dept_id && r.dept_name ? { id: r.dept_id, name: r.dept_name } : null,
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
