import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { NO_BODY, NO_QUERY, strictInput } from '../http/strict.js';
import type { Access } from './auth.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An upload's form fields besides `file`, by name, with what each means (documented only). */
    formFields?: Record<string, string>;
    /** Problems a route answers that its access and inputs do not already imply (e.g. a failed login's 401). */
    problems?: readonly ProblemStatus[];
  }
}

/** The tags every operation is filed under, in the order the document lists them. */
const TAGS: { name: string; description: string }[] = [
  { name: '账号', description: '登录、刷新与退出登录，当前用户及修改密码；账号管理与登录日志' },
  { name: '成员单位', description: '联席会议成员单位及其职责' },
  { name: '督办规则', description: '签收时限、办理期限与催办督办的规则' },
  { name: '工作日历', description: '节假日与调休安排，期限按工作日计算' },
  { name: '交办单', description: '下发交办单、预览期限、交办单附件' },
  { name: '任务', description: '责任单位签收、办理、反馈，联席办审核，延期与催办督办' },
  { name: '督查督办', description: '逾期事项、督办件与督办意见' },
  { name: '通知', description: '站内通知与已读状态' },
  { name: '线索', description: '线索登记、证据附件、分流与移送' },
  { name: '会议', description: '联席会议、议定事项及其交办' },
  { name: '责任书与考核', description: '目标责任书、评分、扣分与年度考核' },
  { name: '统计报表', description: '成员单位月度统计报表的填报、审核与导入' },
  { name: '统计', description: '统计汇总、比率与走势' },
  { name: '工作简报', description: '按期间生成、编辑、印发简报，Word 与打印版' },
  { name: '导出', description: '统计与办理数据导出为 .xlsx' },
  { name: '操作日志', description: '不可篡改的操作日志及其校验' },
  { name: '系统管理', description: '队列与后台任务的运行状况' },
  { name: '联席会议层级', description: '下级联席会议的开设与层级树，向下级交办及其逐级进展' },
];

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** One reusable response a status: what it means here, and the headers that come with it. */
const PROBLEM_RESPONSES: Record<ProblemStatus, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: '请求参数有误（errors 逐项列出字段，含未定义的字段）' },
  401: { name: 'Unauthorized', description: '未登录、登录已失效或凭证无效' },
  403: { name: 'Forbidden', description: '当前角色或单位无权执行此操作，或须先修改初始密码' },
  404: { name: 'NotFound', description: '资源不存在或无权访问' },
  409: { name: 'Conflict', description: '操作冲突：数据已被修改、已存在，或当前状态不允许此操作' },
  413: { name: 'PayloadTooLarge', description: '请求体或上传的文件过大' },
  415: { name: 'UnsupportedMediaType', description: '不支持的请求内容类型或文件类型' },
  422: { name: 'UnprocessableContent', description: '不符合业务规则' },
  429: { name: 'TooManyRequests', description: '请求过于频繁，Retry-After 给出可重试的秒数' },
  500: { name: 'InternalServerError', description: '服务器内部错误，请联系管理员并提供请求编号' },
  503: { name: 'ServiceUnavailable', description: '数据库或队列服务暂不可用，请稍后重试' },
};

/** Exactly what http/problem.ts sends (RFC 9457), the one schema every error answer refers to. */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: '错误详情（RFC 9457 application/problem+json）',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: {
      type: 'string',
      format: 'uri-reference',
      description: '错误类别，如 /problems/invalid-input；未归类时为 about:blank',
    },
    title: { type: 'string', description: '错误类别的标题' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'HTTP 状态码' },
    detail: { type: 'string', description: '本次错误的说明' },
    instance: { type: 'string', description: '出错的请求路径（不含查询参数）' },
    requestId: { type: 'string', description: '请求编号，与响应头 x-request-id 相同' },
    errors: {
      type: 'array',
      description: '逐项的字段错误，字段名如 body.title、querystring.limit',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', description: '出错的字段：请求部位加字段路径' },
          message: { type: 'string', description: '错误说明' },
        },
      },
    },
  },
} as const;

const PROBLEM_CONTENT = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

const SUCCESS: Record<string, string> = {
  '200': '成功',
  '201': '已创建',
  '202': '已受理',
  '204': '成功，无响应体',
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes a user whose password must first be changed may still call (plugins/auth.ts). */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/me', '/api/me/password']);

interface RouteFacts {
  method: string;
  url: string;
  access: Access | undefined;
  hasBody: boolean;
  upload: boolean;
  rateLimited: boolean;
  extra: readonly ProblemStatus[];
}

/** The problems a route can answer, from who may call it and what it takes. */
function problemsOf(r: RouteFacts): ProblemStatus[] {
  const out = new Set<ProblemStatus>(r.extra);
  const write = WRITES.has(r.method);
  // every API route checks its query at least (app.ts), so any may answer 400
  out.add(400);
  if (r.access !== 'public') {
    out.add(401);
    // a role list refuses other roles; any login may be told to change its password first
    if (Array.isArray(r.access) || !BEFORE_PASSWORD_CHANGE.has(r.url)) out.add(403);
    if (r.url.includes(':') || write) out.add(404);
    if (write) out.add(409).add(422);
  }
  if (r.hasBody || r.upload) out.add(413).add(415);
  if (r.rateLimited) out.add(429);
  out.add(500).add(503);
  return [...out].sort((a, b) => a - b);
}

type Schema = Record<string, unknown>;

const binary = { type: 'string', format: 'binary' };

/**
 * zod writes a record keyed by an enum as `propertyNames` plus `required`: list those keys as
 * properties too, so a reader (and a linter) sees which fields are there.
 */
function nameRecordKeys(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(nameRecordKeys);
  const o = node as Schema;
  const names = (o.propertyNames as Schema | undefined)?.enum;
  if (Array.isArray(names) && !o.properties && Array.isArray(o.required)) {
    const value = (o.additionalProperties as Schema | undefined) ?? {};
    o.properties = Object.fromEntries(names.map((n) => [String(n), value]));
  }
  for (const v of Object.values(o)) nameRecordKeys(v);
}

/** OpenAPI 3.1 generated from the routes' zod schemas; the document is at /docs/json. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '联席 Lianxi API',
        description:
          '联席会议协同平台接口。错误一律以 application/problem+json（RFC 9457）返回；' +
          '查询参数与请求体只接受文档列出的字段，多出的字段为 400 并在 errors 中指明。',
        version: '1.0.0',
        contact: { name: '联席办平台管理员' },
        license: {
          name: '专有软件，仅限授权单位使用',
          identifier: 'LicenseRef-Lianxi-Proprietary',
        },
      },
      servers: [{ url: '/', description: '本服务' }],
      tags: TAGS,
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: (input) => {
      // the document shows the inputs as strict as app.ts validates them
      // (and without the empty query and body app.ts gives the routes that take none)
      const given = Object.fromEntries(
        Object.entries((input.schema ?? {}) as Schema).filter(
          ([key, value]) =>
            !(key === 'querystring' && value === NO_QUERY) &&
            !(key === 'body' && value === NO_BODY),
        ),
      );
      const strict = {
        ...given,
        ...(given.body ? { body: strictInput(given.body as z.ZodType) } : {}),
        ...(given.querystring ? { querystring: strictInput(given.querystring as z.ZodType) } : {}),
      };
      const out = jsonSchemaTransform(input.schema ? { ...input, schema: strict } : input);
      if (!out.schema || (out.schema as Schema).hide) return out;
      const config = (input.route.config ?? {}) as {
        access?: Access;
        formFields?: Record<string, string>;
        problems?: readonly ProblemStatus[];
        rateLimit?: unknown;
      };
      const schema = { ...(out.schema as Schema) };
      const upload = ((schema.consumes as string[] | undefined) ?? []).includes(
        'multipart/form-data',
      );
      const methods = [input.route.method].flat();
      const facts: RouteFacts = {
        method: methods.find((m) => m !== 'HEAD') ?? 'GET',
        url: input.url,
        access: config.access,
        hasBody: Boolean(schema.body),
        upload,
        rateLimited: Boolean(config.rateLimit),
        extra: config.problems ?? [],
      };
      // a public route (login, refresh, logout) needs no token: say so, or clients send one
      if (config.access === 'public') schema.security = [];
      // uploads are parsed by the route, not validated by a schema: describe the form here
      if (upload && !schema.body) {
        const fields = Object.entries(config.formFields ?? {});
        schema.body = {
          type: 'object',
          required: ['file'],
          properties: {
            ...Object.fromEntries(
              fields.map(([name, description]) => [name, { type: 'string', description }]),
            ),
            file: { ...binary, description: '文件（放在其他字段之后）' },
          },
        };
      }
      // a file answer (attachment, .docx, printable HTML, .xlsx) is the bytes in its own type
      const produces = schema.produces as string[] | undefined;
      if (produces?.length && !schema.response) {
        schema.response = {
          200: {
            description: '文件内容',
            content: Object.fromEntries(produces.map((type) => [type, { schema: binary }])),
          },
        };
        delete schema.produces;
      }
      schema['x-problems'] = problemsOf(facts);
      return { ...out, schema };
    },
    // the whole document: shared error answers in, the marks the route transform left out
    transformObject: (input) => {
      if (!('openapiObject' in input)) return input.swaggerObject;
      const { openapiObject } = input;
      const doc = openapiObject as Schema & {
        paths?: Record<string, Record<string, Schema>>;
        components?: Schema;
      };
      const used = new Set<ProblemStatus>();
      for (const item of Object.values(doc.paths ?? {})) {
        for (const op of Object.values(item)) {
          const statuses = op['x-problems'] as ProblemStatus[] | undefined;
          if (!statuses) continue;
          delete op['x-problems'];
          const responses = (op.responses ?? {}) as Record<string, Schema>;
          for (const [status, response] of Object.entries(responses)) {
            if (response.description === 'Default Response' && SUCCESS[status]) {
              response.description = SUCCESS[status];
            }
          }
          for (const status of statuses) {
            used.add(status);
            responses[String(status)] = {
              $ref: `#/components/responses/${PROBLEM_RESPONSES[status].name}`,
            };
          }
          op.responses = responses;
        }
      }
      nameRecordKeys(doc.paths);
      const retryAfter = {
        'Retry-After': { description: '可重试前等待的秒数', schema: { type: 'integer' } },
      };
      const authenticate = {
        'WWW-Authenticate': { description: '所需的认证方式', schema: { type: 'string' } },
      };
      const responses = Object.fromEntries(
        [...used]
          .sort((a, b) => a - b)
          .map((status) => [
            PROBLEM_RESPONSES[status].name,
            {
              description: PROBLEM_RESPONSES[status].description,
              ...(status === 429 ? { headers: retryAfter } : {}),
              ...(status === 401 ? { headers: authenticate } : {}),
              content: PROBLEM_CONTENT,
            },
          ]),
      );
      doc.components = {
        ...doc.components,
        schemas: { ...(doc.components?.schemas as Schema | undefined), Problem: PROBLEM_SCHEMA },
        responses,
      };
      return doc as typeof openapiObject;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
});
