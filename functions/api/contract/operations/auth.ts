import { authUser, loginResponse, registerResponse } from '../auth';
import { confirmRequest, loginRequest, registerRequest } from '../auth-requests';
import { defineOperation, json, noContent, problemResponse } from '../operation';
import {
  changePasswordRequest,
  forgotPasswordRequest,
  resendConfirmationRequest,
  resetPasswordRequest,
} from '../password-requests';

const cognitoDown = problemResponse('The identity provider is unavailable; retry after Retry-After.');
const sessionCookie = {
  'Set-Cookie': {
    description:
      'The session cookie: `__Host-scalemap_session` over HTTPS, `scalemap_session` over plain HTTP.',
    schema: { type: 'string' as const },
  },
};

export const register = defineOperation({
  operationId: 'register',
  method: 'post',
  path: '/api/auth/register',
  tag: 'auth',
  summary: 'Register',
  auth: 'public',
  body: registerRequest,
  rateLimited: true,
  responses: {
    201: json(registerResponse, 'Registered; confirm the e-mail address next.'),
    409: problemResponse('An account with this e-mail already exists.'),
    503: cognitoDown,
  },
});

export const confirm = defineOperation({
  operationId: 'confirmEmail',
  method: 'post',
  path: '/api/auth/confirm',
  tag: 'auth',
  summary: 'Confirm the e-mail address',
  auth: 'public',
  body: confirmRequest,
  rateLimited: true,
  responses: { 204: noContent('Confirmed.'), 503: cognitoDown },
});

export const login = defineOperation({
  operationId: 'login',
  method: 'post',
  path: '/api/auth/login',
  tag: 'auth',
  summary: 'Log in; sets the session cookie',
  auth: 'public',
  body: loginRequest,
  rateLimited: true,
  responses: {
    200: json(loginResponse, 'Logged in.', sessionCookie),
    401: problemResponse('Wrong e-mail or password, or the address is not confirmed.'),
    503: cognitoDown,
  },
});

export const logout = defineOperation({
  operationId: 'logout',
  method: 'post',
  path: '/api/auth/logout',
  tag: 'auth',
  summary: "Log out; ends the cookie's and/or the Bearer token's login, and revokes its refresh token",
  auth: 'public',
  responses: {
    204: noContent('Logged out (also when there was no session).'),
    403: problemResponse('A cookie-authenticated request from a foreign Origin.'),
    503: problemResponse('The database is unavailable; retry after Retry-After.'),
  },
});

export const me = defineOperation({
  operationId: 'getCurrentUser',
  method: 'get',
  path: '/api/auth/me',
  tag: 'auth',
  summary: 'The current user',
  auth: 'session',
  responses: { 200: json(authUser, 'The signed-in user.') },
});

const sendsCode = (
  operationId: string,
  path: `/api/${string}`,
  summary: string,
  body: typeof resendConfirmationRequest,
) =>
  defineOperation({
    operationId,
    method: 'post',
    path,
    tag: 'auth',
    summary,
    auth: 'public',
    body,
    rateLimited: true,
    responses: { 204: noContent('Sent, or nothing to send: the answer is the same.'), 503: cognitoDown },
  });

export const resendConfirmation = sendsCode(
  'resendConfirmation',
  '/api/auth/resend-confirmation',
  'Send a new confirmation code (204 whether or not the account exists)',
  resendConfirmationRequest,
);

export const forgotPassword = sendsCode(
  'forgotPassword',
  '/api/auth/forgot-password',
  'Send a password-reset code (204 whether or not the account exists)',
  forgotPasswordRequest,
);

export const resetPassword = defineOperation({
  operationId: 'resetPassword',
  method: 'post',
  path: '/api/auth/reset-password',
  tag: 'auth',
  summary: 'Set a new password with the reset code; ends every session',
  auth: 'public',
  body: resetPasswordRequest,
  rateLimited: true,
  responses: { 204: noContent('The password is changed.'), 503: cognitoDown },
});

export const changePassword = defineOperation({
  operationId: 'changePassword',
  method: 'post',
  path: '/api/auth/change-password',
  tag: 'auth',
  summary: "Change the password; ends the user's other sessions",
  auth: 'session',
  body: changePasswordRequest,
  rateLimited: true,
  responses: { 204: noContent('The password is changed.') },
});

export const authOperations = [
  register,
  confirm,
  login,
  logout,
  me,
  resendConfirmation,
  forgotPassword,
  resetPassword,
  changePassword,
];
