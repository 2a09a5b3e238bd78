/**
 * cognito-local depends on aws-sdk v2, which prints an end-of-support NOTE on every start; it reads
 * like our problem, but the app itself uses SDK v3 only. aws-sdk v2 stays quiet when this variable
 * is set (see aws-sdk/lib/maintenance_mode_message.js). Setting it here, in local tooling that only
 * the stand-ins import, before cognito-local loads, is the one deliberate exception to "process.env
 * only in functions/api/config.ts": it is written, never read, and never reaches a production entry.
 */
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

export {};
