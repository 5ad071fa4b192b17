// The `openusage.limits.v1` contract (OpenUsage's docs/local-http-api.md), as valibot schemas: the
// types the mapping produces are inferred from here, and the contract test checks every response
// against them. Objects are strict: a field the contract does not name is a bug, not an extension.
import * as v from 'valibot';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const isoTime = v.pipe(v.string(), v.regex(ISO_TIME, 'an ISO-8601 UTC time'));
/** A number the provider reported: never NaN or ±Infinity (JSON would turn them into null). */
const amount = v.pipe(v.number(), v.finite());

/** One meter or balance of a provider: raw scalars with an explicit unit; every missing value omitted. */
export const Resource = v.strictObject({
  kind: v.picklist(['consumption', 'balance']),
  /** `percent`, or a lower-case currency code (`usd`), `credits`, `requests`… */
  unit: v.pipe(v.string(), v.minLength(1)),
  used: v.optional(amount),
  available: v.optional(amount),
  limit: v.optional(amount),
  remaining: v.optional(amount),
  /** used ÷ limit, 0–1. */
  utilization: v.optional(v.pipe(amount, v.minValue(0), v.maxValue(1))),
  windowSeconds: v.optional(v.pipe(amount, v.integer(), v.minValue(1))),
  resetsAt: v.optional(isoTime),
  expiresAt: v.optional(v.array(isoTime)),
  estimated: v.optional(v.boolean()),
});
export type Resource = v.InferOutput<typeof Resource>;

/** One card: a provider's implicit account, or a labelled one. */
export const ProviderLimits = v.strictObject({
  displayName: v.pipe(v.string(), v.minLength(1)),
  plan: v.optional(v.pipe(v.string(), v.minLength(1))),
  fetchedAt: isoTime,
  /** fetchedAt + 5 minutes. */
  expiresAt: isoTime,
  /** Whether expiresAt has passed when the answer was made. */
  stale: v.boolean(),
  resources: v.record(v.pipe(v.string(), v.regex(/^[a-z][A-Za-z0-9]*$/)), Resource),
});
export type ProviderLimits = v.InferOutput<typeof ProviderLimits>;

export const LimitsError = v.strictObject({ providerId: v.string(), message: v.pipe(v.string(), v.minLength(1)) });
export type LimitsError = v.InferOutput<typeof LimitsError>;

export const LIMITS_SCHEMA = 'openusage.limits.v1';

/** The body of GET /v1/limits and /v1/limits/:id. */
export const LimitsEnvelope = v.strictObject({
  schema: v.literal(LIMITS_SCHEMA),
  generatedAt: isoTime,
  providers: v.record(v.string(), ProviderLimits),
  errors: v.array(LimitsError),
});
export type LimitsEnvelope = v.InferOutput<typeof LimitsEnvelope>;

/** The contract's error codes, each with the one status it is sent with. */
export const ERROR_STATUS = {
  provider_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  server_busy: 503,
  // Quotabar's own refusals (the original has none): a foreign Host header, a foreign page's Origin.
  host_not_allowed: 421,
  origin_not_allowed: 403,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ErrorBody = v.strictObject({ error: v.picklist(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]) });
