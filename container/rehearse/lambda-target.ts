/**
 * A Lambda function of the image, rehearsed: one execution environment (container) behind a Runtime
 * API, started on the first invocation and started again after it dies, as Lambda does. The container
 * runs the image's own entry point with the function's CMD, on a read-only root with a writable /tmp.
 */
import { type RunningContainer, runContainer } from './container';
import { lambdaPlatformEnv } from './env';
import { type InvokeResult, RuntimeApi } from './runtime-api';
import type { LambdaFunctionSpec } from './template';

/** Lambda runs functions as an unprivileged user; any non-root uid will do here. */
const SANDBOX_USER = '993:990';

export interface LambdaFunctionOptions {
  image: string;
  fn: LambdaFunctionSpec;
  env: Record<string, string>;
  mounts: Record<string, string>;
  region: string;
  onLine?: (line: string) => void;
}

export class RehearsedFunction {
  private api: RuntimeApi;
  private container?: RunningContainer;
  private address?: string;
  /** Output of every environment this function has had, oldest first. */
  readonly lines: string[] = [];

  constructor(private readonly o: LambdaFunctionOptions) {
    this.api = new RuntimeApi(`arn:aws:lambda:${o.region}:000000000000:function:${o.fn.logicalId}`);
  }

  get initError() {
    return this.api.initError;
  }

  /** Invokes the function with an event; starts an environment first if none is running. */
  async invoke(event: unknown): Promise<InvokeResult> {
    this.address ??= await this.api.start();
    if (!this.container?.running()) this.startEnvironment();
    const result = await this.api.invoke(event, this.o.fn.timeoutSeconds * 1000);
    // A timed-out or failed init environment is discarded; the next invocation gets a fresh one.
    if (result.kind === 'timeout' || result.kind === 'init-error') await this.container?.kill();
    return result;
  }

  private startEnvironment(): void {
    this.api.initError = undefined;
    const container = runContainer({
      image: this.o.image,
      label: this.o.fn.handler.replace('.handler', ''),
      // The image's ENTRYPOINT, with the function's ImageConfig.Command as CMD.
      command: [this.o.fn.handler],
      user: SANDBOX_USER,
      readOnly: true,
      mounts: this.o.mounts,
      env: { ...this.o.env, ...lambdaPlatformEnv(this.o.fn, this.address!, this.o.region) },
      onLine: (line) => {
        this.lines.push(line);
        this.o.onLine?.(line);
      },
    });
    this.container = container;
    void container.exited.then((code) => {
      if (this.container === container) this.api.fail({ kind: 'exited', code });
    });
  }

  async stop(): Promise<void> {
    await this.container?.stop(2);
    await this.api.stop();
  }
}
