import { LogTail } from './logTail';
import { PrewarmRunStore } from './PrewarmStore';

/** The job's log tail, written to the store at most once per flush interval. */
export class JobLog {
  private readonly tail = new LogTail();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Pick<PrewarmRunStore, 'updateJob'>,
    private readonly jobId: string,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  append(text: string) {
    this.tail.append(text);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
  }

  flushed(): Promise<unknown> {
    return this.flushing;
  }

  toString(): string {
    return this.tail.toString();
  }

  private flush() {
    this.timer = undefined;
    const logTail = this.tail.toString();
    this.flushing = this.flushing
      .then(() =>
        this.store.updateJob(
          this.jobId,
          { logTail },
          { fromStates: ['running'] },
        ),
      )
      .catch(this.onError);
  }
}
