import { InvalidParameterError, UserNotFoundError } from 'cognito-local/lib/errors';
import type { Route } from 'cognito-local/lib/server/Router';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender';
import type { Message } from 'cognito-local/lib/services/messages';
import type { User } from 'cognito-local/lib/services/userPoolService';

/** A code the stand-in "e-mailed": in the cloud Cognito sends it, locally it goes to the console. */
export interface SentCode {
  destination: string;
  code: string;
  subject?: string;
}

/**
 * Delivers Cognito's messages (sign-up, resend and forgot-password codes) by printing them to the
 * console, one plain line each, and remembers them so tests can read the latest code per address.
 */
export class CodeLog implements MessageSender {
  private readonly latest = new Map<string, SentCode>();
  constructor(private readonly print: (line: string) => void) {}

  async sendEmail(_ctx: Context, _user: User, destination: string, message: Message) {
    this.record(destination, message);
  }
  async sendSms(_ctx: Context, _user: User, destination: string, message: Message) {
    this.record(destination, message);
  }

  /** The last code sent to this address, if any. */
  lastCode(destination: string): string | undefined {
    return this.latest.get(destination.toLowerCase())?.code;
  }

  private record(destination: string, message: Message) {
    if (!message.__code) return;
    const sent = { destination, code: message.__code, subject: message.emailSubject };
    this.latest.set(destination.toLowerCase(), sent);
    this.print(`[cognito stand-in] code for ${destination}: ${sent.code}`);
  }
}

/**
 * ResendConfirmationCode, which cognito-local 5.3.0 lacks: a new code for an unconfirmed user,
 * delivered like Cognito's (here: printed). Errors mirror Cognito's for unknown or confirmed users.
 */
export const ResendConfirmationCode =
  ({ cognito, messages, otp, clock }: Services): Route =>
  async (ctx, req: { ClientId: string; Username: string }) => {
    const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user = await userPool.getUserByUsername(ctx, req.Username);
    if (!user) throw new UserNotFoundError();
    if (user.UserStatus !== 'UNCONFIRMED') throw new InvalidParameterError('User is already confirmed.');
    const email = user.Attributes?.find((a) => a.Name === 'email')?.Value;
    if (!email) throw new InvalidParameterError('User has no e-mail address.');
    const details = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email } as const;
    const code = otp();
    await messages.deliver(
      ctx,
      'ResendCode',
      req.ClientId,
      userPool.options.Id,
      user,
      code,
      undefined,
      details,
    );
    await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: clock.get() });
    return { CodeDeliveryDetails: details };
  };
