import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, STATUS_BY_CODE } from './errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  reason: string;
  request_id: string;
  errors?: unknown;
};

function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  p: Omit<Problem, 'type' | 'title' | 'request_id'>,
) {
  const body: Problem = {
    type: `https://fairdesk.example/problems/${p.reason}`,
    title: TITLES[p.status] ?? 'Error',
    request_id: String(req.id),
    ...p,
  };
  return reply.status(p.status).type('application/problem+json').send(body);
}

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid', 'malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid', 'empty_json_body'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid', 'invalid_content_length'],
  FST_REQ_FILE_TOO_LARGE: ['payload_too_large', 'file_too_large'],
  FST_FILES_LIMIT: ['payload_too_large', 'too_many_files'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['unsupported_media_type', 'multipart_expected'],
};

/** Every error leaves as RFC 9457 problem+json with a stable `reason`; a 5xx never shows its cause. */
export type PageFallback = (req: FastifyRequest, reply: FastifyReply) => unknown;

export function installErrorHandling(app: FastifyInstance, pages: PageFallback | null = null): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, req, {
        status: err.status,
        code: err.code,
        reason: err.reason,
        detail: err.message,
        ...(err.details ? { errors: err.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: `${err.validationContext}${v.instancePath}`,
        message: v.message,
      }));
      const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      return sendProblem(reply, req, {
        status: 400,
        code: 'invalid',
        reason: 'validation_failed',
        detail,
        errors,
      });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      const [code, reason] = mapped;
      return sendProblem(reply, req, { status: STATUS_BY_CODE[code], code, reason, detail: err.message });
    }
    if (err.statusCode === 429) {
      return sendProblem(reply, req, {
        status: 429,
        code: 'rate_limited',
        reason: 'rate_limited',
        detail: 'Too many attempts; wait a minute and try again',
      });
    }
    if (
      err.statusCode &&
      err.statusCode >= 400 &&
      err.statusCode < 500 &&
      !isResponseSerializationError(err)
    ) {
      return sendProblem(reply, req, {
        status: err.statusCode,
        code: 'invalid',
        reason: 'bad_request',
        detail: err.message,
      });
    }
    req.log.error({ err }, 'request failed');
    return sendProblem(reply, req, {
      status: 500,
      code: 'internal',
      reason: 'internal_error',
      detail: `Something went wrong on our side. Quote request id ${req.id} when reporting it.`,
    });
  });
  app.setNotFoundHandler((req, reply) => {
    // A page of the browser app (a bookmark, a reload) gets the app; everything else a problem.
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && pages !== null;
    if (wantsPage) return pages(req, reply);
    return sendProblem(reply, req, {
      status: 404,
      code: 'not_found',
      reason: 'route_not_found',
      detail: `No route ${req.method} ${req.url.split('?')[0]}`,
    });
  });
}
