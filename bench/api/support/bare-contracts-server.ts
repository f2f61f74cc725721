// The floor of the contracts benchmark: GET /api/v1/contracts as bare Fastify and pg, with no framework, guard,
// validation, ORM or logging, running the statements the API runs for it as the API runs them (prepared, by name):
// the key lookup, then the count with the page joined to it.
import { hashToken } from '#domain';
import Fastify from 'fastify';
import pg from 'pg';

// As the API parses them: amounts and counts are JSON numbers.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

const AUTHENTICATE = `SELECT k.id, k.name, k.role, k.vendor_id,
        coalesce(array_agg(d.department_id) FILTER (WHERE d.department_id IS NOT NULL), '{}') AS department_ids
   FROM api_keys k
   LEFT JOIN api_key_departments d ON d.api_key_id = k.id
  WHERE k.token_hash = $1 AND k.revoked_at IS NULL
  GROUP BY k.id`;

const PAGE = `SELECT page.*, counted.total
   FROM (SELECT count(*) AS total FROM contracts) counted
   LEFT JOIN LATERAL (
     SELECT id, number, title, vendor_id AS "vendorId", department_id AS "departmentId",
            solicitation_id AS "solicitationId", bid_id AS "bidId", value, to_char(start_date, 'YYYY-MM-DD') AS "startDate",
            to_char(end_date, 'YYYY-MM-DD') AS "endDate", manager_email AS "managerEmail",
            diversity_goal_percent AS "diversityGoalPercent", reporting_grace_days AS "reportingGraceDays",
            escalate_after_periods AS "escalateAfterPeriods", status, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM contracts ORDER BY number, id LIMIT $1 OFFSET $2
   ) page ON true
  ORDER BY page.number, page.id`;

// The API's pool size, so both wait for connections alike.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();

app.get<{ Querystring: { limit?: string; offset?: string } }>('/api/v1/contracts', async (request, reply) => {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const key =
    token && (await pool.query({ name: 'authenticate', text: AUTHENTICATE, values: [hashToken(token)] })).rows[0];
  if (!key) return reply.code(401).send({ statusCode: 401 });
  const limit = Number(request.query.limit ?? 50);
  const offset = Number(request.query.offset ?? 0);
  const { rows } = await pool.query({ name: 'contracts', text: PAGE, values: [limit, offset] });
  const total = rows[0]?.total ?? 0;
  const data = rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row);
  return { data, page: { limit, offset, total } };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log(`bare contracts server listening on ${process.env.PORT}`);
